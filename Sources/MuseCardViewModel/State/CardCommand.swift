import MuseCardOperations
import MuseCardStore

/// What a confirmation (or a form) runs when the agent says yes.
public enum ConfirmedCommand: Sendable, Equatable {
    /// One operation through the operations layer.
    case operation(CardOperation)
    /// One operation per card (every active card, or the marked ones), each its own in the audit trail.
    case bulk(BulkCommand)
    /// An interrupted apply or replace, sent again under its first `request_id`.
    case resume(JournalEntry)
    /// Forgets a cardholder remembered by mistake, in the local index only (run by the reducer, never sent).
    case forgetCardholder(userId: String)
    /// Quit although calls are in flight (their intents are recorded; outcomes may stay unknown).
    case quit
    /// Approves or denies another agent's request to unlock (team store; never sent to MusePay).
    case decideApproval(id: String, approve: Bool, note: String?)

    /// The operation's name for flashes and pending marks.
    public var name: String {
        switch self {
        case .operation(let operation): return operation.name.rawValue
        case .bulk(let bulk): return bulk.operation.rawValue
        case .resume(let entry): return entry.kind.rawValue
        case .forgetCardholder: return "forget cardholder"
        case .quit: return "quit"
        case .decideApproval(_, let approve, _): return approve ? "approve" : "deny"
        }
    }

    /// The cards the command acts on.
    public var cardIds: [String] {
        switch self {
        case .operation(let operation): return operation.cardId.map { [$0] } ?? []
        case .bulk(let bulk): return bulk.cardIds
        case .resume(let entry): return entry.cardId.map { [$0] } ?? []
        case .forgetCardholder, .quit, .decideApproval: return []
        }
    }
}
