import Foundation
import GRDB

/// Opening an SQLite file the MuseCard way (0600 with its -wal and -shm, a busy timeout, migrated,
/// checked), and the date encoding every table shares.
enum SQLitePool {
    /// Opens and migrates `path`; the caller holds its `OpenLock`.
    static func open(path: String, label: String, migrator: DatabaseMigrator) throws -> DatabasePool {
        try PrivateFiles.file(path)
        var configuration = Configuration()
        // Another musecard process may hold the write lock; wait rather than fail.
        configuration.busyMode = .timeout(15)
        configuration.label = label
        // Reads are short scans of one cardholder: a few readers with small page caches, so a
        // cardholder with thousands of cards does not leave megabytes of pages resident per connection.
        configuration.maximumReaderCount = 2
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -512") }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrator.migrate(pool)
        let check = try pool.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
        guard check == "ok" else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: check ?? "quick_check failed") }
        PrivateFiles.tightenIfPresent(path + "-wal")
        PrivateFiles.tightenIfPresent(path + "-shm")
        return pool
    }

    /// Dates are stored as seconds since 2001-01-01 (`REAL`), which round-trips a `Date` exactly.
    static func seconds(_ date: Date?) -> Double? { date?.timeIntervalSinceReferenceDate }
    static func date(_ seconds: Double?) -> Date? { seconds.map(Date.init(timeIntervalSinceReferenceDate:)) }
}

extension DatabasePool {
    /// Runs `work` in an immediate write transaction, so a busy writer is waited for instead of failing mid-way.
    func immediateWrite<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try work(db)
                return .commit
            }
            guard let result else { throw DatabaseError(resultCode: .SQLITE_ERROR, message: "transaction gave no result") }
            return result
        }
    }
}
