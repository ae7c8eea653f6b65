import Foundation
import GRDB
import MuseCardKit

extension SQLiteCardCache {
    public func cardholders() async throws -> [CardholderEntry] {
        let scope = scope
        return try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT h.user_id, h.label, h.last_opened,
                    (SELECT count(*) FROM card c WHERE c.profile = h.profile AND c.partner_id = h.partner_id AND c.user_id = h.user_id) AS card_count
                FROM cardholder h WHERE h.profile = ? AND h.partner_id = ?
                ORDER BY h.last_opened IS NULL, h.last_opened DESC, h.user_id
                """, arguments: [scope.profile, scope.partnerId]).map { row in
                CardholderEntry(userId: row["user_id"], label: row["label"], lastOpened: Self.date(row["last_opened"]), cardCount: row["card_count"])
            }
        }
    }

    public func recordOpened(userId: String, label: String?, at date: Date) async throws {
        let scope = scope
        try await write { db in
            try db.execute(sql: """
                INSERT INTO cardholder (profile, partner_id, user_id, label, last_opened) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (profile, partner_id, user_id) DO UPDATE SET
                    label = coalesce(excluded.label, cardholder.label), last_opened = excluded.last_opened
                """, arguments: [scope.profile, scope.partnerId, userId, label, Self.seconds(date)])
        }
    }

    public func cards(of userId: String) async throws -> [CachedCard] {
        let scope = scope
        return try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM card WHERE profile = ? AND partner_id = ? AND user_id = ? ORDER BY added_at, rowid
                """, arguments: [scope.profile, scope.partnerId, userId]).map(Self.cachedCard)
        }
    }

    public func cards(of userId: String, limit: Int, offset: Int) async throws -> [CachedCard] {
        let scope = scope
        return try await read { db in
            // A cursor decodes row by row: no second copy of a long list as raw rows.
            try Array(Row.fetchCursor(db, sql: """
                SELECT * FROM card WHERE profile = ? AND partner_id = ? AND user_id = ? ORDER BY added_at, rowid LIMIT ? OFFSET ?
                """, arguments: [scope.profile, scope.partnerId, userId, max(0, limit), max(0, offset)]).map(Self.cachedCard))
        }
    }

    public func cardCount(of userId: String) async throws -> Int {
        let scope = scope
        return try await read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM card WHERE profile = ? AND partner_id = ? AND user_id = ?",
                             arguments: [scope.profile, scope.partnerId, userId]) ?? 0
        }
    }

    public func knows(userId: String, cardId: String) async throws -> Bool {
        let scope = scope
        return try await read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM card WHERE profile = ? AND partner_id = ? AND user_id = ? AND card_id = ?)
                """, arguments: [scope.profile, scope.partnerId, userId, cardId]) ?? false
        }
    }

    public func card(userId: String, cardId: String) async throws -> CachedCard? {
        let scope = scope
        return try await read { db in try Self.fetchCard(db, scope, userId, cardId) }
    }

    public func addCard(userId: String, cardId: String, at date: Date) async throws {
        let scope = scope
        try await write { db in try Self.insertCard(db, scope, userId, cardId, date) }
    }

    public func forgetCard(userId: String, cardId: String) async throws {
        let scope = scope
        try await write { db in
            try db.execute(sql: "DELETE FROM card WHERE profile = ? AND partner_id = ? AND user_id = ? AND card_id = ?",
                           arguments: [scope.profile, scope.partnerId, userId, cardId])
        }
    }

    public func forgetCardholder(userId: String) async throws {
        let scope = scope
        // One transaction: never a cardholder row left without its cards or the other way round.
        try await write { db in
            try db.execute(sql: "DELETE FROM card WHERE profile = ? AND partner_id = ? AND user_id = ?",
                           arguments: [scope.profile, scope.partnerId, userId])
            try db.execute(sql: "DELETE FROM cardholder WHERE profile = ? AND partner_id = ? AND user_id = ?",
                           arguments: [scope.profile, scope.partnerId, userId])
        }
    }

    public func forgetAll() async throws {
        let scope = scope
        try await write { db in
            try db.execute(sql: "DELETE FROM card WHERE profile = ? AND partner_id = ?", arguments: [scope.profile, scope.partnerId])
            try db.execute(sql: "DELETE FROM cardholder WHERE profile = ? AND partner_id = ?", arguments: [scope.profile, scope.partnerId])
        }
    }

    public func saveRecord(_ record: CardRecord, fetchedAt: Date) async throws {
        let scope = scope
        let json = record.json.jsonText()
        try await write { db in
            try Self.insertCard(db, scope, record.userId, record.cardId, fetchedAt)
            try Self.updateRecord(db, scope, record.userId, record.cardId, json: json, fetchedAt: fetchedAt)
        }
    }

    /// Read and written in one write transaction: the answers of a batch's calls in flight share
    /// it, and the writer's pages stay warm where a reader's were dropped after every write.
    public func amendRecord(userId: String, cardId: String, at date: Date,
                            _ change: @escaping @Sendable (CardRecord?) -> CardRecord?) async throws {
        let scope = scope
        try await write { db in
            let known = try Self.fetchCard(db, scope, userId, cardId)
            try Self.insertCard(db, scope, userId, cardId, date)
            guard let record = change(known?.record) else { return }
            try Self.updateRecord(db, scope, userId, cardId, json: record.json.jsonText(), fetchedAt: date)
        }
    }

    public func saveError(userId: String, cardId: String, message: String, at date: Date) async throws {
        let scope = scope
        try await write { db in
            try Self.insertCard(db, scope, userId, cardId, date)
            try db.cachedStatement(sql: """
                UPDATE card SET last_error = ?, last_error_at = ?
                WHERE profile = ? AND partner_id = ? AND user_id = ? AND card_id = ?
                """).execute(arguments: [message, Self.seconds(date), scope.profile, scope.partnerId, userId, cardId])
        }
    }

    /// Adds the card (and its cardholder) unless known; keeps the first `added_at`.
    static func insertCard(_ db: Database, _ scope: StoreScope, _ userId: String, _ cardId: String, _ date: Date) throws {
        try db.cachedStatement(sql: """
            INSERT INTO cardholder (profile, partner_id, user_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
            """).execute(arguments: [scope.profile, scope.partnerId, userId])
        try db.cachedStatement(sql: """
            INSERT INTO card (profile, partner_id, user_id, card_id, added_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """).execute(arguments: [scope.profile, scope.partnerId, userId, cardId, seconds(date)])
    }

    /// One card of the scope, if known.
    static func fetchCard(_ db: Database, _ scope: StoreScope, _ userId: String, _ cardId: String) throws -> CachedCard? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT * FROM card WHERE profile = ? AND partner_id = ? AND user_id = ? AND card_id = ?
            """), arguments: [scope.profile, scope.partnerId, userId, cardId]).map(cachedCard)
    }

    /// Keeps a fetched record (JSON text) of a card already inserted, and clears its last error.
    static func updateRecord(_ db: Database, _ scope: StoreScope, _ userId: String, _ cardId: String, json: String, fetchedAt: Date) throws {
        try db.cachedStatement(sql: """
            UPDATE card SET record_json = ?, fetched_at = ?, last_error = NULL, last_error_at = NULL
            WHERE profile = ? AND partner_id = ? AND user_id = ? AND card_id = ?
            """).execute(arguments: [json, seconds(fetchedAt), scope.profile, scope.partnerId, userId, cardId])
    }

    /// A row of `card` as a value; an unreadable stored record reads as not fetched.
    static func cachedCard(_ row: Row) -> CachedCard {
        let json: String? = row["record_json"]
        let record = json.flatMap { text in try? CardRecord(data: JSONParser.parse(text)) }
        return CachedCard(userId: row["user_id"], cardId: row["card_id"], record: record,
                          fetchedAt: record == nil ? nil : date(row["fetched_at"]),
                          lastError: row["last_error"], lastErrorAt: date(row["last_error_at"]),
                          addedAt: date(row["added_at"]) ?? Date(timeIntervalSinceReferenceDate: 0))
    }
}
