import Foundation
import GRDB
import MuseCardKit

/// Bulk writes and freshness counts, for seeding large caches (benchmarks, imports) and measuring refreshes.
extension SQLiteCardCache {
    /// `saveRecord` for many records in one transaction.
    public func saveRecords(_ records: [CardRecord], fetchedAt: Date) async throws {
        let scope = scope
        let rows = records.map { ($0.userId, $0.cardId, $0.json.jsonText()) }
        try await write { db in
            for (userId, cardId, json) in rows {
                try Self.insertCard(db, scope, userId, cardId, fetchedAt)
                try db.execute(sql: """
                    UPDATE card SET record_json = ?, fetched_at = ?, last_error = NULL, last_error_at = NULL
                    WHERE profile = ? AND partner_id = ? AND user_id = ? AND card_id = ?
                    """, arguments: [json, Self.seconds(fetchedAt), scope.profile, scope.partnerId, userId, cardId])
            }
        }
    }

    /// How many of the cardholder's cards got an answer or an error since `date` (each is one query).
    public func touchedSince(_ date: Date, userId: String) async throws -> Int {
        let scope = scope
        let since = Self.seconds(date)
        return try await read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM card WHERE profile = ? AND partner_id = ? AND user_id = ?
                AND (fetched_at >= ? OR last_error_at >= ?)
                """, arguments: [scope.profile, scope.partnerId, userId, since, since]) ?? 0
        }
    }
}
