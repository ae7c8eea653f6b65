import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore
import MuseCardTUI
@testable import MuseCardViewModel
import Testing

/// The team console's frames at 80x24 and 120x40: the approver's badge and who else is here in
/// the top bar, the approvals list, asking for approval, the last-four unlock, a stale store.
struct TeamScreenSnapshotTests {
    static let now = ConsoleScreens.now
    /// VC1000000002 (locked) was locked as STOLEN by anna an hour ago.
    static let stolen = LockNote(time: now.addingTimeInterval(-3600), operatorName: "anna", ticket: "SUP-4700",
                                 reason: LockReason(.stolen, note: "phone and wallet stolen"))

    static func request(_ id: String, by who: String, card: String, minutes: Double, note: String) -> ApprovalRequest {
        let at = now.addingTimeInterval(-minutes * 60)
        return ApprovalRequest(id: id, userId: "60004408", cardId: card, lockReason: "STOLEN", requestedBy: who, requestedAt: at,
                               note: note, expiresAt: at.addingTimeInterval(15 * 60))
    }

    /// Käthe's cards on a team store, as `identity`, with anna and bob also here and anna changing VC1000000003.
    static func team(_ identity: String, approver: Bool) -> ConsoleState {
        var state = ConsoleScreens.opened()
        state.session.operatorName = identity
        state.session.team = TeamSession(identity: identity, isApprover: approver)
        state.data.cards[1].lastLock = stolen
        state.data.team.viewers = ["anna", "bob"]
        state.data.team.busy = ["VC1000000003": "anna"]
        state.data.team.pending = [
            request("apr-7", by: "bob", card: "VC1000000002", minutes: 4, note: "customer found the card in her coat"),
            request("apr-8", by: identity, card: "VC1000000004", minutes: 1, note: "police report withdrawn"),
        ]
        return state
    }

    static func approvalsList() -> ConsoleState {
        var state = ConsoleScreens.after(["A"], from: team("carol", approver: true))
        let reducer = ConsoleReducer()
        _ = reducer.reduce(state: &state, action: .pendingApprovalsLoaded(.success(state.data.team.pending)))
        let lock = AuditEntry(time: stolen.time, operatorName: "anna", sessionId: "S", ticket: "SUP-4700", profile: "team", userId: "60004408",
                              cardId: "VC1000000002", action: "lock", parameters: ["lock_reason": "STOLEN", "note": "phone and wallet stolen"],
                              outcome: .applied, values: ["status": "LOCK"], operationId: "op-1")
        let limit = AuditEntry(time: now.addingTimeInterval(-86_400 * 3), operatorName: "bob", sessionId: "S", profile: "team", userId: "60004408",
                               cardId: "VC1000000002", action: "change-limit", parameters: ["daily_purchase_limit": "800"],
                               outcome: .applied, operationId: "op-0")
        _ = reducer.reduce(state: &state, action: .approvalHistoryLoaded(requestId: "apr-7", Array(AuditOperation.group([limit, lock]).reversed()), error: nil))
        return state
    }

    static var frames: [(String, ConsoleState)] {
        let single = ConsoleScreens.opened()
        var locked = single
        locked.data.cards[1].lastLock = stolen
        var stale = team("bob", approver: false)
        stale.session.team?.fourEyes = false
        stale.data.team.storeStale = true
        return [
            ("team-main", team("carol", approver: true)),
            ("team-approvals", approvalsList()),
            ("team-request-approval", ConsoleScreens.after(["g", "j", "u"], from: team("bob", approver: false))),
            ("unlock-last-four", ConsoleScreens.after(["g", "j", "u", "5", "1", "5", "0", "enter"], from: locked)),
            ("team-stale", ConsoleScreens.after(["g", "j", "a"], from: stale)),
        ]
    }

    @Test(arguments: frames.map(\.0))
    func frameSnapshot(_ name: String) throws {
        ConsoleScreens.checkFrames(name, try #require(Self.frames.first { $0.0 == name }?.1))
    }

    @Test func theTopBarCarriesTheBadgeAndWhoElseIsHere() {
        let wide = ConsoleScreens.frame(Self.team("carol", approver: true), Size(columns: 120, rows: 40))
        let bar = wide.lines[0]
        #expect(bar.contains("⚑ 1 to approve (A)"))
        #expect(bar.contains("also open: anna, bob"))
        let narrow = ConsoleScreens.frame(Self.team("carol", approver: true), Size(columns: 80, rows: 24)).lines[0]
        #expect(narrow.contains("⚑ 1 (A)"), "the badge is never dropped")
        #expect(narrow.contains("with anna, bob"), "the cardholder gives way to who else is here")
    }

    @Test func theSelectedRequestIsHighlightedAndOnesOwnIsDim() {
        let canvas = ConsoleScreens.frame(Self.approvalsList(), Size(columns: 80, rows: 24))
        #expect(canvas.role(of: "customer found the card in her coat") == Role.menuSelected)
        #expect(canvas.role(of: "police report withdrawn") == Role.dim)
    }

    @Test func theLastFourFormNamesTheFieldThatIsWrong() {
        guard let state = Self.frames.first(where: { $0.0 == "unlock-last-four" })?.1 else { return }
        let text = ConsoleScreens.frame(state, Size(columns: 80, rows: 24)).text
        #expect(text.contains("✗ does not match the card's last four digits"))
        #expect(text.contains("STOLEN"), "the lock's reason is shown")
        #expect(text.contains("by anna"), "and who locked it")
    }
}
