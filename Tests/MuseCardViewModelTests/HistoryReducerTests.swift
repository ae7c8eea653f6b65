import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore
@testable import MuseCardViewModel
import Testing

/// `h`: the selected card's history from the audit trail, newest first.
struct HistoryReducerTests {
    typealias F = ConsoleFixtures

    static func entry(_ action: String, _ phase: AuditPhase, outcome: AuditOutcome?, minutes: Double, id: String,
                      parameters: [String: String] = [:], values: [String: String] = [:]) -> AuditEntry {
        AuditEntry(time: F.t0.addingTimeInterval(minutes * 60), operatorName: "anna", sessionId: "S0", ticket: "SUP-1", profile: "sandbox",
                   userId: "U1", cardId: "C1", action: action, parameters: parameters, phase: phase, outcome: outcome,
                   values: values, operationId: id)
    }

    /// Newest first: an unlock whose result was never written, a limit change, a lock with a reason.
    static let operations: [AuditOperation] = AuditOperation.group([
        entry("unlock", .intent, outcome: nil, minutes: 30, id: "op-3"),
        entry("change-limit", .intent, outcome: nil, minutes: 20, id: "op-2", parameters: ["daily_purchase_limit": "800"]),
        entry("change-limit", .result, outcome: .refused(code: "5005", message: "CARD_STATUS_INVALID"), minutes: 20, id: "op-2",
              parameters: ["daily_purchase_limit": "800"]),
        entry("lock", .intent, outcome: nil, minutes: 3, id: "op-1", parameters: ["lock_reason": "FRAUD_SUSPECTED", "note": "skimmed"]),
        entry("lock", .result, outcome: .applied, minutes: 3, id: "op-1", parameters: ["lock_reason": "FRAUD_SUSPECTED", "note": "skimmed"],
              values: ["card_status": "LOCK"]),
    ])

    @Test func hAsksTheAuditTrailAndShowsTheOperationsNewestFirst() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active), try F.entry("C2", .locked)]))
        #expect(h.keys("h") == [.loadHistory(userId: "U1", cardId: "C1")])
        var expected = F.opened([try F.entry("C1", .active), try F.entry("C2", .locked)])
        expected.ui.modal = .history(HistoryState(cardId: "C1"))
        #expect(h.state == expected)
        let loading = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10)
        #expect(loading.modal == .table(TableModel(title: "History — C1", header: HistoryPresenter.header, rows: [],
                                                   placeholder: "Reading the audit trail…", footer: "0 operations, newest first")))

        #expect(h.send(.historyLoaded(userId: "U1", cardId: "C1", Self.operations, error: nil)) == [])
        var history = HistoryState(cardId: "C1")
        history.operations = Self.operations
        history.isLoading = false
        expected.ui.modal = .history(history)
        #expect(h.state == expected)

        let screen = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10)
        guard case .table(let table)? = screen.modal else { Issue.record("no table"); return }
        #expect(table.rows == [
            TableModel.Row(cells: ["08:30", "anna", "SUP-1", "unlock", "", "-", "unknown — check the card"], role: "text.error"),
            TableModel.Row(cells: ["08:20", "anna", "SUP-1", "change-limit", "daily_purchase_limit=800", "-",
                                   "refused 5005 CARD_STATUS_INVALID"], role: "text.error"),
            TableModel.Row(cells: ["08:03", "anna", "SUP-1", "lock", "card_status=LOCK", "FRAUD_SUSPECTED: skimmed", "applied"]),
        ])
        #expect(table.footer == "3 operations, newest first")
        #expect(screen.hints.map(\.key) == ["j/k", "y", "esc"])

        h.keys("j", "j", "j")
        guard case .history(let moved)? = h.state.ui.modal else { Issue.record("closed"); return }
        #expect(moved.selected == 2, "the cursor stops at the last row")
        h.keys("esc")
        #expect(h.state.ui.modal == nil)
    }

    @Test func anAnswerForAnotherCardOrACardholderNoLongerOpenIsDropped() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys("h")
        let asked = h.state
        #expect(h.send(.historyLoaded(userId: "U1", cardId: "C9", Self.operations, error: nil)) == [])
        #expect(h.send(.historyLoaded(userId: "U2", cardId: "C1", Self.operations, error: nil)) == [])
        #expect(h.state == asked)
        h.send(.historyLoaded(userId: "U1", cardId: "C1", [], error: "audit.log: permission denied"))
        guard case .table(let table)? = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).modal else { Issue.record("no table"); return }
        #expect(table.placeholder == "Cannot read the audit trail: audit.log: permission denied")
    }

    @Test func historyNeedsASelectedCardButNotALoadedOne() throws {
        var h = Harness(state: F.opened([]))
        #expect(h.keys("h") == [])
        #expect(h.state.ui.flash == Flash("Cannot card history: no card selected", .error))
        var unloaded = Harness(state: F.opened([CardEntry(cardId: "C1")]))
        #expect(unloaded.keys("h") == [.loadHistory(userId: "U1", cardId: "C1")])
    }
}
