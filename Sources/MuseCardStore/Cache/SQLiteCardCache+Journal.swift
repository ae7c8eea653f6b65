import Foundation
import GRDB
import MuseCardKit

extension SQLiteCardCache {
    public func openJournal(_ entry: JournalEntry) async throws {
        let scope = scope
        let parameters = JSONValue.object(SecretFilter.strip(entry.parameters).mapValues(JSONValue.string)).jsonText()
        try await write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO journal (profile, partner_id, request_id, kind, user_id, card_id, state,
                    parameters_json, detail, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [scope.profile, scope.partnerId, entry.requestId, entry.kind.rawValue, entry.userId,
                                 entry.cardId, entry.state.rawValue, parameters, entry.detail,
                                 Self.seconds(entry.createdAt), Self.seconds(entry.updatedAt)])
        }
    }

    public func updateJournal(requestId: String, state: JournalState, cardId: String?, detail: String?, at date: Date) async throws {
        let scope = scope
        try await write { db in
            try db.execute(sql: """
                UPDATE journal SET state = ?, card_id = coalesce(?, card_id), detail = coalesce(?, detail), updated_at = ?
                WHERE profile = ? AND partner_id = ? AND request_id = ?
                """, arguments: [state.rawValue, cardId, detail, Self.seconds(date), scope.profile, scope.partnerId, requestId])
        }
    }

    public func pendingJournal(userId: String?) async throws -> [JournalEntry] {
        let scope = scope
        return try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM journal WHERE profile = ? AND partner_id = ? AND state = 'pending'
                    AND (? IS NULL OR user_id = ?) ORDER BY created_at, rowid
                """, arguments: [scope.profile, scope.partnerId, userId, userId]).compactMap(Self.journalEntry)
        }
    }

    /// A row of `journal` as a value; rows of an unknown kind (from a newer version) are skipped.
    static func journalEntry(_ row: Row) -> JournalEntry? {
        guard let kind = JournalKind(rawValue: row["kind"]), let state = JournalState(rawValue: row["state"]) else { return nil }
        let text: String = row["parameters_json"]
        let object = (try? JSONParser.parse(text))?.objectValue ?? [:]
        return JournalEntry(kind: kind, requestId: row["request_id"], userId: row["user_id"], cardId: row["card_id"],
                            state: state, parameters: object.compactMapValues(\.scalarText), detail: row["detail"],
                            createdAt: date(row["created_at"]) ?? Date(timeIntervalSinceReferenceDate: 0),
                            updatedAt: date(row["updated_at"]) ?? Date(timeIntervalSinceReferenceDate: 0))
    }
}
