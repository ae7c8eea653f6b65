import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore
@testable import MuseCardViewModel

/// A team console's states: a locked card and requests, for the four-eyes reducer tests.
enum TeamFixtures {
    typealias F = ConsoleFixtures
    /// Anna locked C1 for a sensitive reason a day before `t0`.
    static let lock = LockNote(time: F.t0.addingTimeInterval(-86_400), operatorName: "anna", ticket: "SUP-1",
                               reason: LockReason(.fraudSuspected, note: "skimmed"))

    /// Cardholder U1 open with C1 locked (FRAUD_SUSPECTED by anna), acting as `identity` on a team store.
    static func opened(as identity: String = "bob", approver: Bool = false, fourEyes: Bool = true) throws -> ConsoleState {
        var state = F.opened([try lockedCard()])
        state.session.operatorName = identity
        state.session.team = TeamSession(identity: identity, isApprover: approver, fourEyes: fourEyes)
        return state
    }

    static func lockedCard() throws -> CardEntry {
        var card = try F.entry("C1", .locked)
        card.lastLock = lock
        return card
    }

    /// `requestedBy`'s request for C1 of U1, asked at `t0`, in `state`.
    static func request(_ id: String = "apr-1", by requestedBy: String = "bob", card: String = "C1", state: ApprovalState = .pending,
                        decidedBy: String? = nil, note: String? = nil) -> ApprovalRequest {
        ApprovalRequest(id: id, userId: "U1", cardId: card, lockReason: "FRAUD_SUSPECTED", requestedBy: requestedBy, requestedAt: F.t0,
                        note: "customer called from home", expiresAt: F.t0.addingTimeInterval(15 * 60), state: state,
                        decidedBy: decidedBy, decidedAt: decidedBy.map { _ in F.t0.addingTimeInterval(120) }, decisionNote: note)
    }
}

extension Harness {
    /// Types `text` key by key.
    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { reducer.reduce(state: &state, action: .keyPressed($0 == " " ? "space" : String($0))) }
    }
}
