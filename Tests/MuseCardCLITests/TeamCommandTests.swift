import Foundation
import MuseCardTestSupport
import Testing

/// `musecard team init`, `team doctor` and `audit verify` against a real PostgreSQL, through the binary.
struct TeamCommandTests {
    let cluster: PostgresCluster
    let database: String
    let harness: CLIStoreHarness

    init() async throws {
        cluster = try await PostgresCluster.shared()
        database = try await cluster.makeDatabase()
        harness = try CLIStoreHarness()
    }

    func team(_ arguments: [String], as role: String, passwordFile: String? = nil, stdin: String? = nil) async throws -> ProcessResult {
        try await harness.run(arguments + ["--url", cluster.url(for: role, database: database),
                                           "--password-file", passwordFile ?? cluster.passwordFile(for: role)], stdin: stdin)
    }

    /// A password file (0600) holding `password`.
    func secret(_ password: String) -> String {
        let path = cluster.secrets + "/cli-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: path, contents: Data((password + "\n").utf8), attributes: [.posixPermissions: 0o600])
        return path
    }

    @Test func initTwiceThenLoginsAndDoctor() async throws {
        let first = try await team(["team", "init"], as: cluster.superuser)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("applied migration 1") && first.stdout.contains("schema is at version"))
        let again = try await team(["team", "init"], as: cluster.superuser)
        #expect(again.status == 0 && again.stdout.contains("schema is at version") && again.stdout.contains("nothing to do"), "\(again.stdout)")

        let agent = cluster.uniqueName("agent"), approver = cluster.uniqueName("approver")
        let logins = try await team(["team", "init", "--add-agent", agent, "--add-approver", approver], as: cluster.superuser,
                                    stdin: "agent-pw\napprover-pw\n")
        #expect(logins.status == 0, "\(logins.stderr)")
        #expect(logins.stdout.contains("login \(agent) is in musecard_agent") && logins.stdout.contains("login \(approver) is in musecard_approver"))
        #expect(!logins.stdout.contains("agent-pw") && !logins.stderr.contains("agent-pw"))

        let doctor = try await team(["team", "doctor"], as: agent, passwordFile: secret("agent-pw"))
        #expect(doctor.status == 0, "\(doctor.stdout)\(doctor.stderr)")
        for line in ["OK    connection:", "OK    schema: version", "OK    role: \(agent) is an agent", "OK    grants:", "OK    clock:", "OK    tls: off"] {
            #expect(doctor.stdout.contains(line), "\(line) missing in \(doctor.stdout)")
        }
        let approverDoctor = try await team(["team", "doctor"], as: approver, passwordFile: secret("approver-pw"))
        #expect(approverDoctor.status == 0 && approverDoctor.stdout.contains("is an agent and an approver"), "\(approverDoctor.stdout)")
    }

    @Test func doctorSaysWhatIsWrong() async throws {
        let empty = try await team(["team", "doctor"], as: cluster.superuser)
        #expect(empty.status == 78 && empty.stdout.contains("FAIL  schema: none: run musecard team init"), "\(empty.stdout)")
        _ = try await team(["team", "init"], as: cluster.superuser)
        let lonely = cluster.uniqueName("lonely")
        try await cluster.createLogin(role: lonely, memberOf: [], password: "pw")
        let outsider = try await team(["team", "doctor"], as: lonely)
        #expect(outsider.status == 78, "\(outsider.stdout)\(outsider.stderr)")
        #expect(outsider.stdout.contains("GRANT musecard_agent TO \(lonely)"), "\(outsider.stdout)")
        try await cluster.superSQL("GRANT UPDATE ON audit TO musecard_agent", database: database)
        let loose = try await team(["team", "doctor"], as: cluster.superuser)
        #expect(loose.status == 78 && loose.stdout.contains("INSERT,SELECT,UPDATE on audit"), "\(loose.stdout)")
        try await cluster.superSQL("REVOKE UPDATE ON audit FROM musecard_agent; GRANT CREATE ON SCHEMA public TO PUBLIC", database: database)
        let open = try await team(["team", "doctor"], as: cluster.superuser)
        #expect(open.status == 78 && open.stdout.contains("may create objects in schema public: REVOKE CREATE"), "\(open.stdout)")

        let wrong = try await team(["team", "doctor"], as: lonely, passwordFile: secret("not-the-password"))
        #expect(wrong.status == 69 && wrong.stderr.contains("password authentication failed"), "\(wrong.stderr)")
        #expect(!wrong.stderr.contains("not-the-password"))
        let closed = try await harness.run(["team", "doctor", "--url", "postgres://x@127.0.0.1:1/db?sslmode=disable"])
        #expect(closed.status == 69 && closed.stderr.contains("cannot connect"), "\(closed.stderr)")
        let inURL = try await harness.run(["team", "doctor", "--url", "postgres://x:hunter2@127.0.0.1/db"])
        #expect(inURL.status == 78 && inURL.stderr.contains("password") && !inURL.stderr.contains("hunter2"), "\(inURL.stderr)")
    }

    @Test func auditVerifyPassesThenNamesTheEditedRow() async throws {
        _ = try await team(["team", "init"], as: cluster.superuser)
        let agent = cluster.uniqueName("agent")
        try await cluster.createLogin(role: agent, memberOf: ["musecard_agent"], password: "pw")
        for action in ["lock", "unlock", "lock"] {
            let insert = try await cluster.psql(as: agent, database: database, sql: """
                INSERT INTO audit (scope, session_id, profile, user_id, card_id, action, phase, outcome)
                VALUES ('sandbox/200001', 's', 'team', 'U1', 'C1', '\(action)', 'result', 'applied')
                """)
            #expect(insert.status == 0, "\(insert.stderr)")
        }
        let verified = try await team(["audit", "verify"], as: agent)
        #expect(verified.status == 0 && verified.stdout.contains("verified 3 rows"), "\(verified.stdout)\(verified.stderr)")
        try await cluster.superSQL("UPDATE audit SET card_id = 'C9' WHERE id = 2", database: database)
        let broken = try await team(["audit", "verify"], as: agent)
        #expect(broken.status == 65, "\(broken.stdout)\(broken.stderr)")
        #expect(broken.stderr.contains("row 2") && broken.stderr.contains(agent) && broken.stderr.contains("unlock"), "\(broken.stderr)")
    }

    @Test func theEmbeddedTrailHasNothingToVerify() async throws {
        let result = try await harness.run(["audit", "verify"])
        #expect(result.status == 0 && result.stdout.contains("nothing to verify"), "\(result.stdout)\(result.stderr)")
        let listing = try await harness.run(["audit", "--user", "U1"])
        #expect(listing.status == 0 && listing.stdout.contains("No audit entries"), "\(listing.stdout)\(listing.stderr)")
    }
}
