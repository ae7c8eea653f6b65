import Foundation
import MuseCardTestSupport

/// A support team on a throwaway PostgreSQL: one fresh database whose schema and login roles are made
/// by `musecard team init` through the real binary, a HOME per person whose config profile points at
/// that database with the person's own password file, and one `musecard sandbox serve` they all talk
/// to. `stop` ends every console and the sandbox (the cluster stops with the test process).
final class TeamConsoleRig: @unchecked Sendable {
    static let binary = SandboxProcess.binary
    static let themes = Fixtures.root.appendingPathComponent("themes").path
    /// Käthe Müller and her ACTIVE virtual card in the sandbox's demo data.
    static let user = "60004408"
    static let card = "VC1000000001"

    /// One person of the team: a database login with its own HOME and profile.
    struct Member: Sendable {
        let role: String
        let home: URL
        let environment: [String: String]
    }

    let cluster: PostgresCluster
    let database: String
    let sandbox: SandboxProcess
    let root: URL
    private let lock = NSLock()
    private var sessions: [TmuxSession] = []

    private init(cluster: PostgresCluster, database: String, sandbox: SandboxProcess, root: URL) {
        self.cluster = cluster
        self.database = database
        self.sandbox = sandbox
        self.root = root
    }

    /// A fresh database on the shared cluster, and the sandbox.
    static func make() async throws -> TeamConsoleRig {
        let cluster = try await PostgresCluster.shared()
        let database = try await cluster.makeDatabase()
        let sandbox = try await SandboxProcess.offPool { try SandboxProcess() }
        let root = Fixtures.scratchPath("musecard-team")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return TeamConsoleRig(cluster: cluster, database: database, sandbox: sandbox, root: root)
    }

    /// `musecard team init` as the superuser, creating logins `agents` and `approvers` (passwords on
    /// standard input); each gets a password file and a HOME. Blocking: call it off the pool.
    func initTeam(agents: [String], approvers: [String]) throws -> [Member] {
        let roles = (agents + approvers).map { cluster.uniqueName($0) }
        let passwords = roles.map { _ in "pw-" + UUID().uuidString }
        var arguments = ["team", "init", "--url", cluster.url(for: cluster.superuser, database: database),
                         "--password-file", cluster.passwordFile(for: cluster.superuser)]
        for (index, role) in roles.enumerated() { arguments += [index < agents.count ? "--add-agent" : "--add-approver", role] }
        let result = try ProcessRunner.runBlocking(Self.binary, arguments, stdin: passwords.joined(separator: "\n") + "\n",
                                                   environment: ["HOME": root.path], clearEnvironment: true)
        guard result.status == 0 else { throw ProcessFailure(description: "team init failed (\(result.status)): \(result.stderr)\(result.stdout)") }
        return try zip(roles, passwords).map { try member($0, password: $1) }
    }

    /// A HOME for `role` with the profile `team` pointing at the database through `port` (the cluster's by default).
    func member(_ role: String, password: String, port: Int? = nil, profile extra: String = "") throws -> Member {
        let home = root.appendingPathComponent(role + (port.map { "-\($0)" } ?? ""))
        let config = home.appendingPathComponent(".config/musecard")
        for folder in [config, home.appendingPathComponent(".cache"), home.appendingPathComponent(".local/state")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let secret = home.appendingPathComponent("db.password").path
        guard FileManager.default.createFile(atPath: secret, contents: Data((password + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ProcessFailure(description: "cannot write \(secret)")
        }
        let url = "postgres://\(role)@127.0.0.1:\(port ?? cluster.port)/\(database)?sslmode=disable"
        // Auto-refresh off: a console learns of another's change only through the team store.
        let yaml = """
            default: team
            profiles:
              team:
                refresh_seconds: 0
            \(extra)    store:
                  kind: postgres
                  url: \(url)
                  password_file: \(secret)

            """
        try yaml.write(to: config.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        var environment = sandbox.exports
        environment["HOME"] = home.path
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent(".config").path
        environment["XDG_CACHE_HOME"] = home.appendingPathComponent(".cache").path
        environment["XDG_STATE_HOME"] = home.appendingPathComponent(".local/state").path
        environment["MUSECARD_THEMES_DIR"] = Self.themes
        // A name typed by the agent: the team audit must ignore it and stamp the database role.
        environment["MUSECARD_OPERATOR"] = "impostor"
        return Member(role: role, home: home, environment: environment)
    }

    /// Runs the real binary as `member`; blocking.
    func cli(_ member: Member, _ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.runBlocking(Self.binary, arguments, environment: member.environment, clearEnvironment: true)
    }

    /// `member`'s console on Käthe Müller, in a private tmux server (its own socket); stopped by `stop`.
    func console(_ member: Member, columns: Int = 140, rows: Int = 40) throws -> TmuxSession {
        let session = try TmuxSession([Self.binary, "tui", "--user", Self.user, "--ticket", "SUP-\(member.role.prefix(4))"],
                                      columns: columns, rows: rows, environment: member.environment, home: member.home)
        lock.withLock { sessions.append(session) }
        return session
    }

    /// `psql` as `role` over the cluster's socket; blocking.
    func psql(as role: String, _ sql: String) throws -> ProcessResult {
        try ProcessRunner.runBlocking("\(cluster.binaries)/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", cluster.socketFolder,
                                                                   "-p", String(cluster.port), "-U", role, "-d", database, "-c", sql])
    }

    /// Ends every console and the sandbox, and removes the HOMEs; idempotent.
    func stop() {
        for session in lock.withLock({ sessions }) { session.kill() }
        sandbox.stop()
        try? FileManager.default.removeItem(at: root)
    }
}
