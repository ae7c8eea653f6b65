import Foundation
import GRDB
import MuseCardKit

/// Bulk writes, for seeding large caches (benchmarks, imports).
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
}
