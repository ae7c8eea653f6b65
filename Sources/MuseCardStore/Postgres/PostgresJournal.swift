import Foundation
import MuseCardKit
import PostgresNIO

/// The journal of idempotent requests in the team's PostgreSQL database (schema version 2): a
/// request one agent left pending is resumed with the same `request_id` by whoever opens the card
/// next. Agents may settle entries but never delete them (grants).
public final class PostgresJournal: JournalStore {
    /// The team database.
    public let database: TeamDatabase
    /// The scope every row read or written belongs to.
    public let scope: TeamScope

    /// A journal over `database` (migrated to version 2 or later) for `scope`.
    public init(database: TeamDatabase, scope: TeamScope) {
        self.database = database
        self.scope = scope
    }

    public func openJournal(_ entry: JournalEntry) async throws {
        let parameters = JSONValue.object(SecretFilter.strip(entry.parameters).mapValues(JSONValue.string)).jsonText()
        let detail = entry.detail.map(PostgresCardCache.text)
        try await database.execute("""
            INSERT INTO journal (scope, request_id, kind, user_id, card_id, state, parameters, detail, created_at, updated_at)
            VALUES (\(scope.key), \(entry.requestId), \(entry.kind.rawValue), \(entry.userId), \(entry.cardId), \(entry.state.rawValue),
                \(parameters)::jsonb, \(detail), \(entry.createdAt), \(entry.updatedAt))
            ON CONFLICT (scope, request_id) DO UPDATE SET kind = excluded.kind, user_id = excluded.user_id,
                card_id = excluded.card_id, state = excluded.state, parameters = excluded.parameters, detail = excluded.detail,
                created_at = excluded.created_at, updated_at = excluded.updated_at, opened_by = session_user
            """)
    }

    public func updateJournal(requestId: String, state: JournalState, cardId: String?, detail: String?, at date: Date) async throws {
        try await database.execute("""
            UPDATE journal SET state = \(state.rawValue), card_id = coalesce(\(cardId), card_id),
                detail = coalesce(\(detail.map(PostgresCardCache.text)), detail), updated_at = \(date)
            WHERE scope = \(scope.key) AND request_id = \(requestId)
            """)
    }

    public func pendingJournal(userId: String?) async throws -> [JournalEntry] {
        let query: PostgresQuery = """
            SELECT kind, request_id, user_id, card_id, state, parameters::text, detail, created_at, updated_at FROM journal
            WHERE scope = \(scope.key) AND state = 'pending' AND (\(userId)::text IS NULL OR user_id = \(userId))
            ORDER BY created_at, seq
            """
        do {
            return try await database.client.query(query, logger: TeamDatabase.logger).collect().compactMap(Self.entry)
        } catch { throw TeamDatabaseError.wrap(error) }
    }

    /// A row as a value; rows of an unknown kind (from a newer version) are skipped.
    static func entry(_ row: PostgresRow) throws -> JournalEntry? {
        let (kindText, requestId, userId, cardId, stateText, parameters, detail, createdAt, updatedAt) =
            try row.decode((String, String, String, String?, String, String, String?, Date, Date).self)
        guard let kind = OperationName(rawValue: kindText), let state = JournalState(rawValue: stateText) else { return nil }
        let object = (try? JSONParser.parse(parameters))?.objectValue ?? [:]
        return JournalEntry(kind: kind, requestId: requestId, userId: userId, cardId: cardId, state: state,
                            parameters: object.compactMapValues(\.scalarText), detail: detail, createdAt: createdAt, updatedAt: updatedAt)
    }
}
