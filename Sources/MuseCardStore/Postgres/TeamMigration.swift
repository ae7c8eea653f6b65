/// One versioned step of the team database's schema: applied once, in one transaction.
public struct TeamMigration: Sendable, Equatable {
    /// Applied in increasing order; recorded in `musecard_schema_version`.
    public var version: Int
    /// A few words for `team init` and `team doctor`.
    public var name: String
    /// The statements, separated by `;` (dollar-quoted bodies may hold their own).
    public var sql: String

    /// A migration with the given values.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// Every migration this build knows, in order.
public enum TeamMigrations {
    /// All of them; the last one's version is the schema this build expects.
    public static let all: [TeamMigration] = [
        TeamMigration(version: 1, name: "roles, audit trail, approvals, presence and busy marks, notifications", sql: version1),
        TeamMigration(version: 2, name: "cardholder index, cached cards, journal", sql: TeamSchemaSQL.index),
    ]

    /// The schema version this build expects.
    public static var latest: Int { all.map(\.version).max() ?? 0 }

    static var version1: String {
        [TeamSchemaSQL.roles, TeamSchemaSQL.audit, TeamSchemaSQL.approvals, TeamSchemaSQL.live, TeamSchemaSQL.grants,
         TeamSchemaSQL.owner].joined(separator: "\n")
    }
}
