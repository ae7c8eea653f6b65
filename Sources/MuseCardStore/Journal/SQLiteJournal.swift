import Foundation
import GRDB
import MuseCardKit

/// The journal in its own SQLite file under the state folder (never in the cache folder, never
/// moved aside): a cache can be thrown away, a pending request_id cannot.
public final class SQLiteJournal: JournalStore {
    /// The scope every row read or written belongs to.
    public let scope: StoreScope
    /// The database file.
    public let path: String
    private let pool: DatabasePool

    /// Opens (creating if needed) the file 0600 in a 0700 folder and migrates it; a damaged file
    /// is an error to report, not a file to replace.
    public init(path: String, scope: StoreScope) throws {
        self.path = path
        self.scope = scope
        try PrivateFiles.folder(URL(fileURLWithPath: path).deletingLastPathComponent())
        let lock = try OpenLock(for: path)
        pool = try SQLitePool.open(path: path, label: "musecard-journal", migrator: Self.migrator)
        withExtendedLifetime(lock) {}
    }

    /// Opens the journal at its usual place for `scope`.
    public static func open(paths: MuseCardPaths, scope: StoreScope) throws -> SQLiteJournal {
        try SQLiteJournal(path: paths.journalFile.path, scope: scope)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE journal (
                    profile TEXT NOT NULL, partner_id TEXT NOT NULL, request_id TEXT NOT NULL,
                    kind TEXT NOT NULL, user_id TEXT NOT NULL, card_id TEXT, state TEXT NOT NULL,
                    parameters_json TEXT NOT NULL, detail TEXT, created_at REAL NOT NULL, updated_at REAL NOT NULL,
                    PRIMARY KEY (profile, partner_id, request_id));
                CREATE INDEX journal_pending ON journal (profile, partner_id, state, created_at);
                """)
        }
        return migrator
    }

    public func openJournal(_ entry: JournalEntry) async throws {
        let scope = scope
        let parameters = JSONValue.object(SecretFilter.strip(entry.parameters).mapValues(JSONValue.string)).jsonText()
        try await pool.immediateWrite { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO journal (profile, partner_id, request_id, kind, user_id, card_id, state,
                    parameters_json, detail, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [scope.profile, scope.partnerId, entry.requestId, entry.kind.rawValue, entry.userId,
                                 entry.cardId, entry.state.rawValue, parameters, entry.detail,
                                 SQLitePool.seconds(entry.createdAt), SQLitePool.seconds(entry.updatedAt)])
        }
    }

    public func updateJournal(requestId: String, state: JournalState, cardId: String?, detail: String?, at date: Date) async throws {
        let scope = scope
        try await pool.immediateWrite { db in
            try db.execute(sql: """
                UPDATE journal SET state = ?, card_id = coalesce(?, card_id), detail = coalesce(?, detail), updated_at = ?
                WHERE profile = ? AND partner_id = ? AND request_id = ?
                """, arguments: [state.rawValue, cardId, detail, SQLitePool.seconds(date), scope.profile, scope.partnerId, requestId])
        }
    }

    public func pendingJournal(userId: String?) async throws -> [JournalEntry] {
        let scope = scope
        return try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM journal WHERE profile = ? AND partner_id = ? AND state = 'pending'
                    AND (? IS NULL OR user_id = ?) ORDER BY created_at, rowid
                """, arguments: [scope.profile, scope.partnerId, userId, userId]).compactMap(Self.entry)
        }
    }

    /// A row as a value; rows of an unknown kind (from a newer version) are skipped.
    static func entry(_ row: Row) -> JournalEntry? {
        guard let kind = OperationName(rawValue: row["kind"]), let state = JournalState(rawValue: row["state"]) else { return nil }
        let text: String = row["parameters_json"]
        let object = (try? JSONParser.parse(text))?.objectValue ?? [:]
        return JournalEntry(kind: kind, requestId: row["request_id"], userId: row["user_id"], cardId: row["card_id"],
                            state: state, parameters: object.compactMapValues(\.scalarText), detail: row["detail"],
                            createdAt: SQLitePool.date(row["created_at"]) ?? Date(timeIntervalSinceReferenceDate: 0),
                            updatedAt: SQLitePool.date(row["updated_at"]) ?? Date(timeIntervalSinceReferenceDate: 0))
    }
}
