import Foundation
import GRDB
import MuseCardKit

/// The cache in an SQLite file (GRDB `DatabasePool`, WAL); safe to share between processes.
///
/// Dates are stored as seconds since 2001-01-01 (`REAL`), which round-trips a `Date` exactly.
public final class SQLiteCardCache: CardCache {
    /// The scope every row read or written belongs to.
    public let scope: StoreScope
    /// The database file.
    public let path: String
    let pool: DatabasePool
    /// Writes of callers that arrive together share one transaction (answers of a batch's calls in flight).
    let writer: GroupWriter

    /// Opens (creating if needed) the file, 0600 with its -wal and -shm, and migrates it to the current schema.
    public convenience init(path: String, scope: StoreScope) throws {
        let lock = try OpenLock(for: path)
        try self.init(path: path, scope: scope, holding: lock)
    }

    /// Opens while the caller holds the file's `OpenLock` (a second `flock` from this process would wait forever).
    init(path: String, scope: StoreScope, holding lock: OpenLock) throws {
        self.path = path
        self.scope = scope
        // 1 MiB of pages per connection holds thousands of cards; the default 2 MiB per reader
        // made a 100,000-card batch grow the process by about 10 MB.
        pool = try SQLitePool.open(path: path, label: "musecard-cache", migrator: Self.migrator) { db in
            try db.execute(sql: "PRAGMA cache_size = -1024")
            db.add(function: .lowercase)
        }
        writer = GroupWriter(pool: pool, label: "musecard-cache-writer")
        withExtendedLifetime(lock) {}
    }

    /// The schema migrations applied to the file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Self.migrator.appliedMigrations(db) }
    }

    /// Runs `work` in an immediate write transaction (perhaps shared with other callers' work, each in its own savepoint).
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writer.write(work)
    }

    /// Runs `work` on a reader connection without blocking the caller's thread.
    func read<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.read(work)
    }

    static func seconds(_ date: Date?) -> Double? { SQLitePool.seconds(date) }
    static func date(_ seconds: Double?) -> Date? { SQLitePool.date(seconds) }
}
