import Foundation
import PostgresNIO

extension PostgresCardCache {
    /// Two statements for the whole batch in one transaction: the cardholders (with the last label a
    /// row gives each), then the cards in the rows' order, known ones left alone and counted.
    public func importCards(_ rows: [CardImportRow], at date: Date) async throws -> ImportCount {
        guard !rows.isEmpty else { return ImportCount() }
        var labels: [String: String] = [:]
        var holders: [String] = []
        for row in rows {
            if labels[row.userId] == nil { holders.append(row.userId) }
            if let label = row.label { labels[row.userId] = label } else if labels[row.userId] == nil { labels[row.userId] = "" }
        }
        // `""` stands for "no label" in the array (a label is never empty).
        let holderLabels = holders.map { labels[$0] ?? "" }
        let users = rows.map(\.userId)
        let cards = rows.map(\.cardId)
        let key = scope.key
        let added = try await transaction { connection in
            try await connection.query("""
                INSERT INTO cardholder (scope, user_id, label, label_folded)
                SELECT \(key), u, nullif(l, ''), nullif(lower_l, '') FROM unnest(\(holders)::text[], \(holderLabels)::text[],
                    \(holderLabels.map { $0.lowercased() })::text[]) AS t(u, l, lower_l)
                ON CONFLICT (scope, user_id) DO UPDATE SET label = coalesce(excluded.label, cardholder.label),
                    label_folded = coalesce(excluded.label_folded, cardholder.label_folded)
                """, logger: TeamDatabase.logger)
            let inserted = try await connection.query("""
                WITH added AS (
                    INSERT INTO card (scope, user_id, card_id, added_at)
                    SELECT \(key), u, c, \(date) FROM unnest(\(users)::text[], \(cards)::text[]) WITH ORDINALITY AS t(u, c, n) ORDER BY n
                    ON CONFLICT DO NOTHING RETURNING 1)
                SELECT count(*) FROM added
                """, logger: TeamDatabase.logger)
            var count = 0
            for try await value in inserted.decode(Int.self) { count = value }
            return count
        }
        return ImportCount(added: added, known: rows.count - added)
    }
}
