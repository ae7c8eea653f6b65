import Foundation
import GRDB

/// The journal of batch runs: one row per run and one per input line, in its own SQLite file
/// under the state folder. WAL with `synchronous=NORMAL`: a committed line survives `kill -9`
/// (only power loss can lose the last commits, and a lost "applied" falls back to "sending",
/// which is queried before anything is sent again).
public final class BatchJournal: Sendable {
    /// The database file.
    public let path: String
    private let pool: DatabasePool
    /// Line updates of the calls in flight share a transaction: one commit for many lines.
    private let writer: GroupWriter

    /// Opens (creating if needed) the file 0600 in a 0700 folder and migrates it.
    public init(path: String) throws {
        self.path = path
        try PrivateFiles.folder(URL(fileURLWithPath: path).deletingLastPathComponent())
        let lock = try OpenLock(for: path)
        pool = try SQLitePool.open(path: path, label: "musecard-batches", migrator: Self.migrator) { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Lines are read once, in order: a small page cache keeps memory flat in the run's size.
            try db.execute(sql: "PRAGMA cache_size = -512")
        }
        writer = GroupWriter(pool: pool, label: "musecard-batches-writer")
        withExtendedLifetime(lock) {}
    }

    /// Opens the journal at its usual place.
    public static func open(paths: MuseCardPaths) throws -> BatchJournal {
        try BatchJournal(path: paths.batchFile.path)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    run_id TEXT PRIMARY KEY, operation TEXT NOT NULL, reason TEXT, note TEXT, ticket TEXT,
                    profile TEXT NOT NULL, source TEXT NOT NULL, total INTEGER NOT NULL,
                    created_at REAL NOT NULL, finished_at REAL);
                CREATE TABLE lines (
                    run_id TEXT NOT NULL, line INTEGER NOT NULL, user_id TEXT NOT NULL, card_id TEXT NOT NULL,
                    reason TEXT, note TEXT, state TEXT NOT NULL, status_before TEXT, status_after TEXT,
                    operation_id TEXT, error TEXT, attempts INTEGER NOT NULL DEFAULT 0, updated_at REAL,
                    PRIMARY KEY (run_id, line)) WITHOUT ROWID;
                CREATE INDEX lines_state ON lines (run_id, state, line);
                """)
        }
        return migrator
    }

    /// The run, if the journal knows it.
    public func run(_ runId: String) throws -> BatchRunRecord? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE run_id = ?", arguments: [runId]).map(Self.run) }
    }

    /// Every run, newest first.
    public func runs() throws -> [BatchRunRecord] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY created_at DESC").map(Self.run) }
    }

    /// Records a new run; its lines follow with `add(_:to:)`.
    public func create(_ run: BatchRunRecord) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO runs (run_id, operation, reason, note, ticket, profile, source, total, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [run.runId, run.operation, run.reason, run.note, run.ticket, run.profile, run.source, run.total,
                                 SQLitePool.seconds(run.createdAt)])
        }
    }

    /// Adds lines in one transaction (a line already there is kept as it is).
    public func add(_ lines: [BatchLine], to runId: String) throws {
        try pool.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO lines (run_id, line, user_id, card_id, reason, note, state) VALUES (?, ?, ?, ?, ?, ?, 'pending')
                """)
            for line in lines {
                try statement.execute(arguments: [runId, line.line, line.userId, line.cardId, line.reason, line.note])
            }
        }
    }

    /// Up to `limit` lines in `states` after line number `after`, in file order.
    public func lines(of runId: String, in states: [BatchLineState], after: Int, limit: Int) throws -> [BatchLine] {
        let marks = states.map { _ in "?" }.joined(separator: ",")
        var arguments: StatementArguments = [runId]
        for state in states { _ = arguments.append(contentsOf: [state.rawValue]) }
        _ = arguments.append(contentsOf: [after, limit])
        return try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM lines WHERE run_id = ? AND state IN (\(marks)) AND line > ? ORDER BY line LIMIT ?
                """, arguments: arguments).map(Self.line)
        }
    }

    /// Every line after `after`, in file order (for reports), `limit` at a time.
    public func lines(of runId: String, after: Int, limit: Int) throws -> [BatchLine] {
        try lines(of: runId, in: BatchLineState.allCases, after: after, limit: limit)
    }

    /// Writes what became of one line (on a queue of its own, not the caller's thread); returns once committed.
    public func update(_ line: BatchLine, of runId: String, at date: Date = Date()) async throws {
        try await writer.write { db in try Self.update(line, of: runId, at: date, db) }
    }

    /// Queues `update` without waiting for its commit; later writes commit with it or after it.
    public func queueUpdate(_ line: BatchLine, of runId: String, at date: Date = Date()) -> PendingWrite {
        writer.queue { db in try Self.update(line, of: runId, at: date, db) }
    }

    private static func update(_ line: BatchLine, of runId: String, at date: Date, _ db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE lines SET state = ?, status_before = coalesce(?, status_before), status_after = coalesce(?, status_after),
                operation_id = coalesce(?, operation_id), error = ?, attempts = ?, updated_at = ?
            WHERE run_id = ? AND line = ?
            """).execute(arguments: [line.state.rawValue, line.statusBefore, line.statusAfter, line.operationId, line.error,
                                     line.attempts, SQLitePool.seconds(date), runId, line.line])
    }

    /// How many lines are in each state.
    public func counts(of runId: String) throws -> BatchCounts {
        try pool.read { db in
            var counts = BatchCounts()
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM lines WHERE run_id = ? GROUP BY state", arguments: [runId]) {
                if let state = BatchLineState(rawValue: row["state"]) { counts.byState[state] = row["n"] }
            }
            return counts
        }
    }

    /// Marks the run finished (every line has a definite answer) or not.
    public func setFinished(_ runId: String, at date: Date?) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE runs SET finished_at = ? WHERE run_id = ?", arguments: [SQLitePool.seconds(date), runId])
        }
    }

    static func run(_ row: Row) -> BatchRunRecord {
        BatchRunRecord(runId: row["run_id"], operation: row["operation"], reason: row["reason"], note: row["note"], ticket: row["ticket"],
                       profile: row["profile"], source: row["source"], total: row["total"],
                       createdAt: SQLitePool.date(row["created_at"]) ?? Date(timeIntervalSinceReferenceDate: 0),
                       finishedAt: SQLitePool.date(row["finished_at"]))
    }

    static func line(_ row: Row) -> BatchLine {
        BatchLine(line: row["line"], userId: row["user_id"], cardId: row["card_id"], reason: row["reason"], note: row["note"],
                  state: BatchLineState(rawValue: row["state"]) ?? .unknown, statusBefore: row["status_before"],
                  statusAfter: row["status_after"], operationId: row["operation_id"], error: row["error"], attempts: row["attempts"])
    }
}
