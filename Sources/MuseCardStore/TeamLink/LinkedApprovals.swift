import Foundation

/// The team's four-eyes approvals over a `TeamLink` (the database enforces the rules); unreachable
/// while it is not connected.
public struct LinkedApprovals: ApprovalStore {
    let link: TeamLink

    /// The team approvals over `link`.
    public init(_ link: TeamLink) { self.link = link }

    public func requestApproval(userId: String, cardId: String, lockReason: String, note: String) async throws -> ApprovalRequest {
        try await link.use { try await $0.approvals.requestApproval(userId: userId, cardId: cardId, lockReason: lockReason, note: note) }
    }

    public func pendingApprovals() async throws -> [ApprovalRequest] { try await link.use { try await $0.approvals.pendingApprovals() } }

    public func approval(id: String) async throws -> ApprovalRequest? { try await link.use { try await $0.approvals.approval(id: id) } }

    public func latestApproval(cardId: String) async throws -> ApprovalRequest? {
        try await link.use { try await $0.approvals.latestApproval(cardId: cardId) }
    }

    public func approve(id: String, note: String?) async throws -> ApprovalRequest {
        try await link.use { try await $0.approvals.approve(id: id, note: note) }
    }

    public func deny(id: String, note: String) async throws -> ApprovalRequest {
        try await link.use { try await $0.approvals.deny(id: id, note: note) }
    }

    public func consumeApproval(id: String, cardId: String) async throws -> ApprovalRequest {
        try await link.use { try await $0.approvals.consumeApproval(id: id, cardId: cardId) }
    }
}
