import Foundation
import MuseCardKit
import PostgresNIO

/// The team's audit trail in PostgreSQL. The server stamps each row's id, operator (`session_user`:
/// the entry's `operatorName` is ignored), time and hash chain in a trigger, and refuses every update
/// or delete but a superuser's; `musecard audit verify` (`PostgresAuditChain`) finds any edit.
public final class PostgresAuditTrail: AuditSink {
    /// The team database.
    public let database: TeamDatabase
    /// The partner and environment every row belongs to.
    public let scope: TeamScope

    /// A trail over `database` for `scope`.
    public init(database: TeamDatabase, scope: TeamScope) {
        self.database = database
        self.scope = scope
    }

    /// Inserts the entry; committed (durable) when this returns.
    public func append(_ entry: AuditEntry) async throws {
        let (code, message, error) = Self.outcomeColumns(entry.outcome)
        let parameters = Self.json(entry.parameters), values = Self.json(entry.values)
        try await database.execute("""
            INSERT INTO audit (scope, session_id, ticket, profile, user_id, card_id, action, parameters, phase, outcome,
                               code, message, error, answer_values, request_id, operation_id, run_id)
            VALUES (\(scope.key), \(entry.sessionId), \(entry.ticket), \(entry.profile), \(entry.userId), \(entry.cardId),
                    \(entry.action), \(parameters)::jsonb, \(entry.phase.rawValue), \(entry.outcome?.name), \(code), \(message),
                    \(error), \(values)::jsonb, \(entry.requestId), \(entry.operationId), \(entry.runId))
            """)
    }

    /// The scope's entries passing `filter`, oldest first.
    public func entries(matching filter: AuditFilter) async throws -> [AuditEntry] {
        try await rows(filter).map(\.entry)
    }

    /// The scope's rows passing `filter` with their ids, oldest first.
    public func rows(_ filter: AuditFilter) async throws -> [PostgresAuditRow] {
        do {
            let rows = try await database.client.query("""
                SELECT \(unescaped: PostgresAuditRow.columns) FROM audit
                WHERE scope = \(scope.key) AND (\(filter.userId)::text IS NULL OR user_id = \(filter.userId))
                  AND (\(filter.cardId)::text IS NULL OR card_id = \(filter.cardId))
                  AND (\(filter.since)::timestamptz IS NULL OR time >= \(filter.since))
                ORDER BY id
                """, logger: TeamDatabase.logger)
            var found: [PostgresAuditRow] = []
            for try await row in rows { found.append(try PostgresAuditRow(row)) }
            return found
        } catch { throw TeamDatabaseError.wrap(error) }
    }

    static func outcomeColumns(_ outcome: AuditOutcome?) -> (code: String?, message: String?, error: String?) {
        switch outcome {
        case .refused(let code, let message): (code, message, nil)
        case .notSent(let error), .unknown(let error): (nil, nil, error)
        case .applied, nil: (nil, nil, nil)
        }
    }

    static func json(_ values: [String: String]) -> String {
        JSONValue.object(SecretFilter.strip(values).mapValues(JSONValue.string)).jsonText()
    }
}
