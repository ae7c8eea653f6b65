import Foundation
import MuseCardStore
import MuseCardTestSupport
import Testing

/// The schema is the tool's: versioned migrations, safe twice and from two processes at once.
struct TeamMigrationTests {
    @Test func migratingTwiceIsANoOp() async throws {
        let rig = try await TeamRig.make(migrated: false)
        let admin = try await rig.connect(as: rig.cluster.superuser)
        defer { Task { await admin.close() } }
        let first = try await admin.migrate()
        #expect(first.from == 0 && first.to == TeamMigrations.latest && first.applied.map(\.version) == TeamMigrations.all.map(\.version))
        let second = try await admin.migrate()
        #expect(second.from == TeamMigrations.latest && second.to == TeamMigrations.latest && second.applied.isEmpty)
        #expect(try await admin.schemaVersion() == TeamMigrations.latest)
        let roles = try await rig.superSQL("SELECT rolname || ':' || rolcanlogin FROM pg_roles WHERE rolname IN ('musecard_agent', 'musecard_approver') ORDER BY 1")
        #expect(roles.split(separator: "\n") == ["musecard_agent:false", "musecard_approver:false"])
        let approverIsAgent = try await rig.superSQL("SELECT pg_has_role('musecard_approver', 'musecard_agent', 'MEMBER')")
        #expect(approverIsAgent.trimmingCharacters(in: .whitespacesAndNewlines) == "t")
    }

    @Test func twoProcessesMigratingAtOnceTakeTurns() async throws {
        let rig = try await TeamRig.make(migrated: false)
        let one = try await rig.connect(as: rig.cluster.superuser)
        let two = try await rig.connect(as: rig.cluster.superuser)
        async let a = one.migrate()
        async let b = two.migrate()
        let reports = try await [a, b]
        await one.close()
        await two.close()
        #expect(reports.map(\.applied.count).sorted() == [0, TeamMigrations.all.count])
        let versions = try await rig.superSQL("SELECT count(*) FROM musecard_schema_version")
        #expect(versions.trimmingCharacters(in: .whitespacesAndNewlines) == String(TeamMigrations.all.count))
    }

    @Test func aSchemaNewerThanThisBuildIsRefused() async throws {
        let rig = try await TeamRig.make()
        try await rig.superSQL("INSERT INTO musecard_schema_version (version, name) VALUES (99, 'from the future')")
        let admin = try await rig.connect(as: rig.cluster.superuser)
        defer { Task { await admin.close() } }
        let error = await #expect(throws: TeamDatabaseError.self) { try await admin.migrate() }
        #expect(error?.description.contains("version 99") == true)
    }

    @Test func theIdentityIsTheDatabaseRole() async throws {
        let rig = try await TeamRig.make()
        let agent = try await rig.login("agent")
        let database = try await rig.connect(as: agent)
        defer { Task { await database.close() } }
        #expect(try await database.identity() == agent)
    }

    @Test func aWrongPasswordSaysSoWithoutThePassword() async throws {
        let rig = try await TeamRig.make()
        let agent = try await rig.login("agent")
        let wrong = rig.cluster.secrets + "/wrong-\(agent)"
        _ = FileManager.default.createFile(atPath: wrong, contents: Data("not-it\n".utf8), attributes: [.posixPermissions: 0o600])
        let settings = try TeamStoreSettings(url: rig.cluster.url(for: agent, database: rig.database), passwordFile: wrong, environment: [:])
        let error = await #expect(throws: TeamDatabaseError.self) { try await TeamDatabase.connect(settings, environment: [:]) }
        #expect(error?.description.contains("password authentication failed") == true, "\(String(describing: error))")
        #expect(error?.description.contains("not-it") == false)
    }
}
