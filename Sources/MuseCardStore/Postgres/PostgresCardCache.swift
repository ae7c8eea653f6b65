import Foundation
import Logging
import MuseCardKit
import PostgresNIO

/// The cardholder index and cached card records in the team's PostgreSQL database (schema version 2),
/// shared by every agent of the team. Records are kept as `SQLiteCardCache` keeps them: the card's
/// query answer without any secret (`CardRecord` has no field for a PAN, CVV, PIN or URL).
public final class PostgresCardCache: CardCache {
    /// The team database.
    public let database: TeamDatabase
    /// The scope every row read or written belongs to.
    public let scope: TeamScope

    /// A cache over `database` (migrated to version 2 or later) for `scope`.
    public init(database: TeamDatabase, scope: TeamScope) {
        self.database = database
        self.scope = scope
    }

    static let columns = "user_id, card_id, record_json, fetched_at, last_error, last_error_at, added_at"

    public func cards(of userId: String) async throws -> [CachedCard] {
        try await cachedCards("""
            SELECT \(unescaped: Self.columns) FROM card WHERE scope = \(scope.key) AND user_id = \(userId) ORDER BY added_at, seq
            """)
    }

    public func cards(of userId: String, limit: Int, offset: Int) async throws -> [CachedCard] {
        try await cachedCards("""
            SELECT \(unescaped: Self.columns) FROM card WHERE scope = \(scope.key) AND user_id = \(userId)
            ORDER BY added_at, seq LIMIT \(max(0, limit)) OFFSET \(max(0, offset))
            """)
    }

    public func cardCount(of userId: String) async throws -> Int {
        try await scalar("SELECT count(*) FROM card WHERE scope = \(scope.key) AND user_id = \(userId)", as: Int.self) ?? 0
    }

    public func knows(userId: String, cardId: String) async throws -> Bool {
        try await scalar("""
            SELECT EXISTS (SELECT 1 FROM card WHERE scope = \(scope.key) AND user_id = \(userId) AND card_id = \(cardId))
            """, as: Bool.self) ?? false
    }

    public func card(userId: String, cardId: String) async throws -> CachedCard? {
        try await cachedCards("""
            SELECT \(unescaped: Self.columns) FROM card WHERE scope = \(scope.key) AND user_id = \(userId) AND card_id = \(cardId)
            """).first
    }

    public func cardholders() async throws -> [CardholderEntry] {
        try await rows("""
            SELECT h.user_id, h.label, h.last_opened,
                (SELECT count(*) FROM card c WHERE c.scope = h.scope AND c.user_id = h.user_id) AS card_count
            FROM cardholder h WHERE h.scope = \(scope.key)
            ORDER BY h.last_opened DESC NULLS LAST, h.user_id
            """) { row in
            let (userId, label, lastOpened, count) = try row.decode((String, String?, Date?, Int).self)
            return CardholderEntry(userId: userId, label: label, lastOpened: lastOpened, cardCount: count)
        }
    }

    /// A row of `card` as a value; an unreadable stored record reads as not fetched.
    static func cachedCard(_ row: PostgresRow) throws -> CachedCard {
        let (userId, cardId, json, fetchedAt, lastError, lastErrorAt, addedAt) =
            try row.decode((String, String, String?, Date?, String?, Date?, Date).self)
        let record = json.flatMap { text in try? CardRecord(data: JSONParser.parse(text)) }
        return CachedCard(userId: userId, cardId: cardId, record: record, fetchedAt: record == nil ? nil : fetchedAt,
                          lastError: lastError, lastErrorAt: lastErrorAt, addedAt: addedAt)
    }

    func cachedCards(_ query: PostgresQuery) async throws -> [CachedCard] { try await rows(query, Self.cachedCard) }

    /// Every row of `query`, each made a value by `make`; errors as `TeamDatabaseError`.
    func rows<T>(_ query: PostgresQuery, _ make: (PostgresRow) throws -> T) async throws -> [T] {
        do { return try await database.client.query(query, logger: TeamDatabase.logger).collect().map(make) } catch {
            throw TeamDatabaseError.wrap(error)
        }
    }

    func scalar<T: PostgresDecodable & Sendable>(_ query: PostgresQuery, as type: T.Type) async throws -> T? {
        try await database.scalar(query, as: type)
    }

    func execute(_ query: PostgresQuery) async throws { try await database.execute(query) }

    /// Runs `work` in one transaction on one connection; errors as `TeamDatabaseError`.
    func transaction<T: Sendable>(_ work: (PostgresConnection) async throws -> T) async throws -> T {
        do { return try await database.client.withTransaction(logger: TeamDatabase.logger) { try await work($0) } } catch {
            throw TeamDatabaseError.wrap(error)
        }
    }
}
