import Foundation

/// One identity's view of an `InMemoryTeamBoard`'s approvals: what a PostgreSQL connection as
/// that database role would be allowed to do.
public struct InMemoryApprovals: ApprovalStore {
    let board: InMemoryTeamBoard
    /// Who acts (stamped on what this view writes).
    public let identity: String
    /// Whether `identity` holds the approver role.
    public let isApprover: Bool

    public func requestApproval(userId: String, cardId: String, lockReason: String, note: String) async throws -> ApprovalRequest {
        try await board.request(by: identity, userId: userId, cardId: cardId, lockReason: lockReason, note: note)
    }

    public func pendingApprovals() async throws -> [ApprovalRequest] { await board.pending() }

    public func approval(id: String) async throws -> ApprovalRequest? { await board.find(id) }

    public func latestApproval(cardId: String) async throws -> ApprovalRequest? { await board.latest(cardId: cardId, by: identity) }

    public func approve(id: String, note: String?) async throws -> ApprovalRequest {
        try await board.decide(id, approve: true, note: note, by: identity, isApprover: isApprover)
    }

    public func deny(id: String, note: String) async throws -> ApprovalRequest {
        try await board.decide(id, approve: false, note: note, by: identity, isApprover: isApprover)
    }

    public func consumeApproval(id: String, cardId: String) async throws -> ApprovalRequest {
        try await board.consume(id, cardId: cardId, by: identity)
    }
}
