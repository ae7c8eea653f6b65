import Foundation

/// Why the store refused an approval step; the text is the store's own reason (shown as is, after sanitising).
public struct ApprovalRefused: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Four-eyes approvals of sensitive unlocks. The rules (one card, one unlock, expiry, never by
/// the requester, approver role) are the store's to enforce: a PostgreSQL driver enforces them in
/// the database, so no client can skip them. Identity is the store's (`TeamChannel.identity`).
public protocol ApprovalStore: Sendable {
    /// Asks a second person to approve one unlock of `cardId`; the requester is the store's identity.
    func requestApproval(userId: String, cardId: String, lockReason: String, note: String) async throws -> ApprovalRequest
    /// Requests waiting for a decision (pending and unexpired), oldest first.
    func pendingApprovals() async throws -> [ApprovalRequest]
    /// One request by id.
    func approval(id: String) async throws -> ApprovalRequest?
    /// The newest request for the card asked by the store's identity, if any (what a requester waits on).
    func latestApproval(cardId: String) async throws -> ApprovalRequest?
    /// Approves a pending request; throws `ApprovalRefused` for the requester, a non-approver, or a request no longer pending.
    func approve(id: String, note: String?) async throws -> ApprovalRequest
    /// Denies a pending request; the note is required (`ApprovalRefused` without one).
    func deny(id: String, note: String) async throws -> ApprovalRequest
    /// Spends an approved request on one unlock of `cardId`; `ApprovalRefused` unless approved, unexpired,
    /// unused, for this card and asked by the store's identity.
    func consumeApproval(id: String, cardId: String) async throws -> ApprovalRequest
}
