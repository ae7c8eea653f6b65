import Foundation
import MuseCardStore
import MuseCardTestSupport

/// One fresh database on the shared test cluster, migrated, with helpers to log in as new roles.
struct TeamRig: Sendable {
    let cluster: PostgresCluster
    let database: String
    /// The scope every driver of the rig uses.
    let scope = TeamScope(partnerId: "200001", environment: .sandbox)

    /// A new database at the current schema version.
    static func make(migrated: Bool = true) async throws -> TeamRig {
        let cluster = try await PostgresCluster.shared()
        let rig = TeamRig(cluster: cluster, database: try await cluster.makeDatabase())
        if migrated {
            let admin = try await rig.connect(as: cluster.superuser)
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

    /// A pool connected as `role`.
    func connect(as role: String, approvalMinutes: Int = 15) async throws -> TeamDatabase {
        try await TeamDatabase.connect(try settings(as: role, approvalMinutes: approvalMinutes), environment: [:])
    }

    /// A new login role (unique in the cluster) in `musecard_agent`, and `musecard_approver` if asked.
    func login(_ prefix: String, approver: Bool = false, agent: Bool = true) async throws -> String {
        let role = cluster.uniqueName(prefix)
        let groups = approver ? ["musecard_approver"] : agent ? ["musecard_agent"] : []
        try await cluster.createLogin(role: role, memberOf: groups, password: "pw-\(UUID().uuidString)")
        return role
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
