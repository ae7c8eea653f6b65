import Foundation
import PostgresNIO

/// Four-eyes approvals in the team database. Agents can only read the `approvals` table; every step
/// calls a SECURITY DEFINER function that checks the rules with the server's identity
/// (`session_user`) and writes its own audit row, so no client can skip them. The database's
/// refusals arrive as `ApprovalRefused` with its reason.
public final class PostgresApprovals: ApprovalStore {
    /// The team database.
    public let database: TeamDatabase
    /// The partner and environment the requests belong to.
    public let scope: TeamScope
    /// How long a request stays valid (`approval_minutes`).
    public let approvalMinutes: Int
    let profile: String
    let sessionId: String

    /// Approvals for `scope`; `profile` and `sessionId` go on the audit rows the steps write.
    public init(database: TeamDatabase, scope: TeamScope, profile: String, sessionId: String, approvalMinutes: Int? = nil) {
        self.database = database
        self.scope = scope
        self.profile = profile
        self.sessionId = sessionId
        self.approvalMinutes = approvalMinutes ?? database.settings.approvalMinutes
    }

    public func requestApproval(userId: String, cardId: String, lockReason: String, note: String) async throws -> ApprovalRequest {
        try await step("""
            SELECT \(unescaped: Self.columns) FROM request_approval(\(scope.key), \(userId), \(cardId), \(lockReason), \(note),
                \(approvalMinutes)::integer, \(profile), \(sessionId)) a
            """)
    }

    public func pendingApprovals() async throws -> [ApprovalRequest] {
        try await requests("""
            SELECT \(unescaped: Self.columns) FROM approvals a
            WHERE scope = \(scope.key) AND state = 'pending' AND expires_at > now() ORDER BY requested_at, id
            """)
    }

    public func approval(id: String) async throws -> ApprovalRequest? {
        try await requests("SELECT \(unescaped: Self.columns) FROM approvals a WHERE scope = \(scope.key) AND id = \(id)").first
    }

    public func latestApproval(cardId: String) async throws -> ApprovalRequest? {
        try await requests("""
            SELECT \(unescaped: Self.columns) FROM approvals a
            WHERE scope = \(scope.key) AND card_id = \(cardId) AND requested_by = session_user
            ORDER BY requested_at DESC, id DESC LIMIT 1
            """).first
    }

    public func approve(id: String, note: String?) async throws -> ApprovalRequest {
        try await step("SELECT \(unescaped: Self.columns) FROM approve_approval(\(id), \(note), \(profile), \(sessionId)) a")
    }

    public func deny(id: String, note: String) async throws -> ApprovalRequest {
        try await step("SELECT \(unescaped: Self.columns) FROM deny_approval(\(id), \(note), \(profile), \(sessionId)) a")
    }

    public func consumeApproval(id: String, cardId: String) async throws -> ApprovalRequest {
        try await step("SELECT \(unescaped: Self.columns) FROM consume_approval(\(id), \(cardId)) a")
    }

    /// The columns of a request; a pending or approved request past its time reads as expired.
    static let columns = """
        a.id, a.user_id, a.card_id, a.lock_reason, a.requested_by, a.requested_at, a.note, a.expires_at,
        CASE WHEN a.state IN ('pending', 'approved') AND a.expires_at <= now() THEN 'expired' ELSE a.state END,
        a.decided_by, a.decided_at, a.decision_note
        """

    /// One function call; the database's refusals (SQLSTATE MC001, or no privilege) become `ApprovalRefused`.
    private func step(_ query: PostgresQuery) async throws -> ApprovalRequest {
        do {
            guard let request = try await requests(query).first else { throw ApprovalRefused("the database returned no request") }
            return request
        } catch let error as TeamDatabaseError {
            if case .server(let state, let message) = error, state == "MC001" || state == "42501" { throw ApprovalRefused(message) }
            throw error
        }
    }

    private func requests(_ query: PostgresQuery) async throws -> [ApprovalRequest] {
        do {
            var found: [ApprovalRequest] = []
            let rows = try await database.client.query(query, logger: TeamDatabase.logger)
            for try await row in rows { found.append(try Self.request(row)) }
            return found
        } catch { throw TeamDatabaseError.wrap(error) }
    }

    private static func request(_ row: PostgresRow) throws -> ApprovalRequest {
        let (id, userId, cardId, lockReason, requestedBy, requestedAt, note, expiresAt, state, decidedBy, decidedAt, decisionNote) =
            try row.decode((String, String, String, String, String, Date, String, Date, String, String?, Date?, String?).self)
        return ApprovalRequest(id: id, userId: userId, cardId: cardId, lockReason: lockReason, requestedBy: requestedBy,
                               requestedAt: requestedAt, note: note, expiresAt: expiresAt, state: ApprovalState(rawValue: state) ?? .expired,
                               decidedBy: decidedBy, decidedAt: decidedAt, decisionNote: decisionNote)
    }
}
