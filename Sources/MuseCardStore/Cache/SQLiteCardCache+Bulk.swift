import Foundation
import GRDB
import MuseCardKit

/// Bulk writes: imports from the partner's records, and seeding large caches (benchmarks).
extension SQLiteCardCache {
    /// One transaction and two prepared statements for the whole batch.
    public func importCards(_ rows: [CardImportRow], at date: Date) async throws -> ImportCount {
        let scope = scope
        let added = Self.seconds(date)
        return try await write { db in
            let holder = try db.makeStatement(sql: """
                INSERT INTO cardholder (profile, partner_id, user_id, label) VALUES (?, ?, ?, ?)
                ON CONFLICT (profile, partner_id, user_id) DO UPDATE SET label = coalesce(excluded.label, cardholder.label)
                """)
            let card = try db.makeStatement(sql: """
                INSERT INTO card (profile, partner_id, user_id, card_id, added_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
            var count = ImportCount()
            for row in rows {
                try holder.execute(arguments: [scope.profile, scope.partnerId, row.userId, row.label])
                try card.execute(arguments: [scope.profile, scope.partnerId, row.userId, row.cardId, added])
                if db.changesCount > 0 { count.added += 1 } else { count.known += 1 }
            }
            return count
        }
    }

    public func labelCardholder(userId: String, label: String) async throws {
        let scope = scope
        try await write { db in
            try db.execute(sql: """
                INSERT INTO cardholder (profile, partner_id, user_id, label) VALUES (?, ?, ?, ?)
                ON CONFLICT (profile, partner_id, user_id) DO UPDATE SET label = excluded.label
                """, arguments: [scope.profile, scope.partnerId, userId, label])
        }
    }

    /// `saveRecord` for many records in one transaction.
    public func saveRecords(_ records: [CardRecord], fetchedAt: Date) async throws {
        let scope = scope
        let rows = records.map { ($0.userId, $0.cardId, $0.json.jsonText()) }
        try await write { db in
            for (userId, cardId, json) in rows {
                try Self.insertCard(db, scope, userId, cardId, fetchedAt)
                try Self.updateRecord(db, scope, userId, cardId, json: json, fetchedAt: fetchedAt)
            }
        }
    }
}
