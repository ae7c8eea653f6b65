import Foundation
import MuseCardStore

/// What the team store tells this console about the others: viewers, busy cards, approvals.
public struct TeamData: Sendable, Equatable {
    /// Who else has the open cardholder open.
    public var viewers: [String] = []
    /// Cards of the open cardholder with someone else's change in flight, and whose.
    public var busy: [String: String] = [:]
    /// Requests waiting for a decision, oldest first (an approver's badge and list).
    public var pending: [ApprovalRequest] = []
    /// This agent's latest request for each card of the open cardholder.
    public var requests: [String: ApprovalRequest] = [:]
    /// The team store cannot be reached: no change can be recorded, so none may be made.
    public var storeStale = false

    public init() {}

    /// Requests `identity` can decide (not its own) that are still open at `now`.
    public func decidable(by identity: String, now: Date) -> [ApprovalRequest] {
        pending.filter { $0.requestedBy != identity && $0.expiresAt > now }
    }
}
