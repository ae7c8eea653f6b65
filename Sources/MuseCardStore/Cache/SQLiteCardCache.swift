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

    /// Opens (creating if needed) the file, 0600 with its -wal and -shm, and migrates it to the current schema.
    public convenience init(path: String, scope: StoreScope) throws {
        let lock = try OpenLock(for: path)
        try self.init(path: path, scope: scope, holding: lock)
    }

    /// Opens while the caller holds the file's `OpenLock` (a second `flock` from this process would wait forever).
    init(path: String, scope: StoreScope, holding lock: OpenLock) throws {
        self.path = path
        self.scope = scope
        try PrivateFiles.file(path)
        var configuration = Configuration()
        // Another musecard process may hold the write lock; wait rather than fail.
        configuration.busyMode = .timeout(15)
        configuration.label = "musecard-cache"
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
        let check = try pool.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
        guard check == "ok" else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: check ?? "quick_check failed") }
        withExtendedLifetime(lock) {}
        PrivateFiles.tightenIfPresent(path + "-wal")
        PrivateFiles.tightenIfPresent(path + "-shm")
    }

    /// The schema migrations applied to the file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Self.migrator.appliedMigrations(db) }
    }

    /// Runs `work` in an immediate write transaction, so a busy writer is waited for instead of failing mid-way.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try work(db)
                return .commit
            }
            guard let result else { throw DatabaseError(resultCode: .SQLITE_ERROR, message: "transaction gave no result") }
            return result
        }
    }

    /// Runs `work` on a reader connection without blocking the caller's thread.
    func read<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.read(work)
    }

    static func seconds(_ date: Date?) -> Double? { date?.timeIntervalSinceReferenceDate }
    static func date(_ seconds: Double?) -> Date? { seconds.map(Date.init(timeIntervalSinceReferenceDate:)) }
}
