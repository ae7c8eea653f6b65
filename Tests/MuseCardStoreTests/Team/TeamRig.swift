import Foundation
import MuseCardStore
import MuseCardTestSupport

/// One fresh database on the shared test cluster, migrated, with helpers to log in as new roles.
struct TeamRig: Sendable {
    let cluster: PostgresCluster
    let database: String
    /// The scope every driver of the rig uses.
    let scope = TeamScope(partnerId: "200001", environment: .sandbox)
    private let opened = Opened()

    private final class Opened: @unchecked Sendable {
        private let lock = NSLock()
        private var databases: [TeamDatabase] = []
        func add(_ database: TeamDatabase) { lock.withLock { databases.append(database) } }
        func take() -> [TeamDatabase] { lock.withLock { defer { databases = [] }; return databases } }
    }

    /// A new database at the current schema version.
    static func make(migrated: Bool = true) async throws -> TeamRig {
        let cluster = try await PostgresCluster.shared()
        let rig = TeamRig(cluster: cluster, database: try await cluster.makeDatabase())
        if migrated {
            let admin = try await TeamDatabase.connect(try rig.settings(as: cluster.superuser), environment: [:])
            try await admin.migrate()
            await admin.close()
        }
        return rig
    }

    /// Settings connecting as `role` with its password file.
    func settings(as role: String, fourEyes: Bool = true, approvalMinutes: Int = 15) throws -> TeamStoreSettings {
        try TeamStoreSettings(url: cluster.url(for: role, database: database), passwordFile: cluster.passwordFile(for: role),
                              fourEyes: fourEyes, approvalMinutes: approvalMinutes, environment: [:])
    }

    /// A pool connected as `role`, closed by `closeAll`.
    func connect(as role: String, approvalMinutes: Int = 15) async throws -> TeamDatabase {
        let database = try await TeamDatabase.connect(try settings(as: role, approvalMinutes: approvalMinutes), environment: [:])
        opened.add(database)
        return database
    }

    /// Closes every pool `connect` opened.
    func closeAll() async {
        for database in opened.take() { await database.close() }
    }

    /// A new login role (unique in the cluster) in `musecard_agent`, and `musecard_approver` if asked.
    func login(_ prefix: String, approver: Bool = false, agent: Bool = true) async throws -> String {
        let role = cluster.uniqueName(prefix)
        let groups = approver ? ["musecard_approver"] : agent ? ["musecard_agent"] : []
        try await cluster.createLogin(role: role, memberOf: groups, password: "pw-\(UUID().uuidString)")
        return role
    }

    /// A new agent (or approver) login and a pool connected as it.
    func person(_ prefix: String, approver: Bool = false, approvalMinutes: Int = 15) async throws -> (name: String, database: TeamDatabase) {
        let name = try await login(prefix, approver: approver)
        return (name, try await connect(as: name, approvalMinutes: approvalMinutes))
    }

    /// `psql` as `role` on this database.
    func psql(as role: String, _ sql: String) async throws -> ProcessResult {
        try await cluster.psql(as: role, database: database, sql: sql)
    }

    /// `psql` as the superuser; throws when it fails.
    @discardableResult
    func superSQL(_ sql: String) async throws -> String {
        try await cluster.superSQL(sql, database: database)
    }
}
