import Foundation
import MuseCardKit
import PostgresNIO

extension PostgresCardCache {
    public func recordOpened(userId: String, label: String?, at date: Date) async throws {
        try await execute("""
            INSERT INTO cardholder (scope, user_id, label, label_folded, last_opened)
            VALUES (\(scope.key), \(userId), \(label), \(label?.lowercased()), \(date))
            ON CONFLICT (scope, user_id) DO UPDATE SET label = coalesce(excluded.label, cardholder.label),
                label_folded = coalesce(excluded.label_folded, cardholder.label_folded), last_opened = excluded.last_opened
            """)
    }

    public func labelCardholder(userId: String, label: String) async throws {
        try await execute("""
            INSERT INTO cardholder (scope, user_id, label, label_folded) VALUES (\(scope.key), \(userId), \(label), \(label.lowercased()))
            ON CONFLICT (scope, user_id) DO UPDATE SET label = excluded.label, label_folded = excluded.label_folded
            """)
    }

    public func addCard(userId: String, cardId: String, at date: Date) async throws {
        try await transaction { connection in try await self.insertCard(connection, userId, cardId, date) }
    }

    public func forgetCard(userId: String, cardId: String) async throws {
        try await execute("DELETE FROM card WHERE scope = \(scope.key) AND user_id = \(userId) AND card_id = \(cardId)")
    }

    public func forgetCardholder(userId: String) async throws {
        // One transaction: never a cardholder row left without its cards or the other way round.
        try await transaction { connection in
            try await connection.query("DELETE FROM card WHERE scope = \(self.scope.key) AND user_id = \(userId)", logger: TeamDatabase.logger)
            try await connection.query("DELETE FROM cardholder WHERE scope = \(self.scope.key) AND user_id = \(userId)", logger: TeamDatabase.logger)
        }
    }

    public func forgetAll() async throws {
        try await transaction { connection in
            try await connection.query("DELETE FROM card WHERE scope = \(self.scope.key)", logger: TeamDatabase.logger)
            try await connection.query("DELETE FROM cardholder WHERE scope = \(self.scope.key)", logger: TeamDatabase.logger)
        }
    }

    public func saveRecord(_ record: CardRecord, fetchedAt: Date) async throws {
        let json = Self.text(record.json.jsonText())
        try await transaction { connection in
            try await self.insertCard(connection, record.userId, record.cardId, fetchedAt)
            try await connection.query("""
                UPDATE card SET record_json = \(json), phone = \(record.phoneNumber), fetched_at = \(fetchedAt),
                    last_error = NULL, last_error_at = NULL
                WHERE scope = \(self.scope.key) AND user_id = \(record.userId) AND card_id = \(record.cardId)
                """, logger: TeamDatabase.logger)
        }
    }

    public func saveError(userId: String, cardId: String, message: String, at date: Date) async throws {
        let message = Self.text(message)
        try await transaction { connection in
            try await self.insertCard(connection, userId, cardId, date)
            try await connection.query("""
                UPDATE card SET last_error = \(message), last_error_at = \(date)
                WHERE scope = \(self.scope.key) AND user_id = \(userId) AND card_id = \(cardId)
                """, logger: TeamDatabase.logger)
        }
    }

    /// Adds the card (and its cardholder) unless known; keeps the first `added_at`.
    func insertCard(_ connection: PostgresConnection, _ userId: String, _ cardId: String, _ date: Date) async throws {
        try await connection.query("""
            INSERT INTO cardholder (scope, user_id) VALUES (\(scope.key), \(userId)) ON CONFLICT DO NOTHING
            """, logger: TeamDatabase.logger)
        try await connection.query("""
            INSERT INTO card (scope, user_id, card_id, added_at) VALUES (\(scope.key), \(userId), \(cardId), \(date)) ON CONFLICT DO NOTHING
            """, logger: TeamDatabase.logger)
    }

    /// Text PostgreSQL can hold: a NUL (which a service's message might carry) becomes U+FFFD.
    static func text(_ value: String) -> String {
        value.contains("\u{0}") ? value.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : value
    }
}
