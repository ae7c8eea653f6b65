import Foundation
import PostgresNIO

/// What `migrate` did: the version before and after, and the migrations it applied.
public struct TeamMigrationReport: Sendable, Equatable {
    /// The schema version found (0: an empty database).
    public var from: Int
    /// The schema version now.
    public var to: Int
    /// The migrations applied by this run, in order (empty when the schema was current).
    public var applied: [TeamMigration]
}

extension TeamDatabase {
    /// The key of the advisory lock that serialises migrations between processes.
    static let migrationLock: Int64 = 0x6D75_7365_6361_7264 // "musecard"

    /// Applies the migrations the database lacks, each in its own transaction, holding an advisory lock so
    /// two processes migrating at once take turns; the second finds nothing left to do.
    @discardableResult
    public func migrate(_ migrations: [TeamMigration] = TeamMigrations.all) async throws -> TeamMigrationReport {
        do {
            return try await client.withConnection { connection in
                try await connection.query("SELECT pg_advisory_lock(\(Self.migrationLock))", logger: Self.logger)
                do {
                    let report = try await Self.migrate(connection, migrations)
                    try await connection.query("SELECT pg_advisory_unlock(\(Self.migrationLock))", logger: Self.logger)
                    return report
                } catch {
                    _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.migrationLock))", logger: Self.logger)
                    throw error
                }
            }
        } catch { throw TeamDatabaseError.wrap(error) }
    }

    /// The schema version recorded (0 when there is none yet).
    public func schemaVersion() async throws -> Int {
        let exists = try await scalar("SELECT to_regclass('musecard_schema_version') IS NOT NULL", as: Bool.self) ?? false
        guard exists else { return 0 }
        return try await scalar("SELECT coalesce(max(version), 0)::bigint FROM musecard_schema_version", as: Int.self) ?? 0
    }

    private static func migrate(_ connection: PostgresConnection, _ migrations: [TeamMigration]) async throws -> TeamMigrationReport {
        try await connection.query("""
            CREATE TABLE IF NOT EXISTS musecard_schema_version (
                version integer PRIMARY KEY, name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT session_user)
            """, logger: logger)
        let rows = try await connection.query("SELECT coalesce(max(version), 0)::bigint FROM musecard_schema_version", logger: logger)
        var current = 0
        for try await value in rows.decode(Int.self) { current = value }
        let known = migrations.map(\.version).max() ?? 0
        guard current <= known else { throw TeamDatabaseError.schemaAhead(found: current, known: known) }
        let from = current
        var applied: [TeamMigration] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) where migration.version > current {
            try await connection.withTransaction(logger: logger) { connection in
                for statement in SQLStatements.split(migration.sql) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO musecard_schema_version (version, name) VALUES (\(migration.version), \(migration.name))", logger: logger)
            }
            applied.append(migration)
            current = migration.version
        }
        return TeamMigrationReport(from: from, to: current, applied: applied)
    }
}
