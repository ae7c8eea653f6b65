import Foundation

/// A throwaway PostgreSQL cluster for the tests of one process: started on first use from Debian's
/// `postgresql` package (as the `postgres` user when the tests run as root), on 127.0.0.1 and a free
/// port, in a temporary folder; stopped at exit and, if the process is killed, by a watchdog.
/// Missing binaries are a failure, never a skip.
public final class PostgresCluster: Sendable {
    /// The superuser role.
    public let superuser = "postgres"
    /// The TCP port on 127.0.0.1.
    public let port: Int
    /// The folder holding the data, the socket and the log.
    public let folder: String
    /// The Unix socket's folder (psql connects there, trusted).
    public let socketFolder: String
    /// The server binaries, e.g. `/usr/lib/postgresql/15/bin`.
    public let binaries: String
    /// Password files (0600) of the logins made here, one per role.
    public let secrets: String
    let owner: String?
    private let counter = Counter()
    private static let roleLock = NSLock()

    init(port: Int, folder: String, binaries: String, secrets: String, owner: String?) {
        self.port = port
        self.folder = folder
        socketFolder = folder
        self.binaries = binaries
        self.secrets = secrets
        self.owner = owner
    }

    /// The one cluster of this test process, started the first time it is asked for.
    public static func shared() async throws -> PostgresCluster {
        let task = startLock.withLock {
            if let running = starting { return running }
            let task = Task { try await start() }
            starting = task
            return task
        }
        return try await task.value
    }

    /// A fresh, empty database (one per test keeps tests apart); returns its name.
    public func makeDatabase() async throws -> String {
        let name = "t_\(getpid())_\(counter.next())"
        try await superSQL("CREATE DATABASE \(name)", database: "postgres")
        return name
    }

    /// A name no other test of this process uses, for a login role (roles are cluster-wide).
    public func uniqueName(_ prefix: String) -> String { "\(prefix)_\(getpid())_\(counter.next())" }

    /// Creates a login role in the given groups and writes its password file (`passwordFile(for:)`).
    public func createLogin(role: String, memberOf groups: [String], password: String) async throws {
        let path = passwordFile(for: role)
        _ = FileManager.default.createFile(atPath: path, contents: Data((password + "\n").utf8), attributes: [.posixPermissions: 0o600])
        let grants = groups.map { "GRANT \($0) TO \(role);" }.joined(separator: " ")
        let sql = "CREATE ROLE \(role) LOGIN PASSWORD '\(password.replacingOccurrences(of: "'", with: "''"))'; \(grants)"
        // Roles live in the cluster, not a database: one change at a time from this process.
        let result = try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try Self.roleLock.withLock { try self.psqlBlocking(as: self.superuser, database: "postgres", sql: sql) } })
            }.start()
        }
        guard result.status == 0 else { throw ClusterError("creating login \(role) failed: \(result.stderr)") }
    }

    /// The password file of a login made by `createLogin`, or of the superuser.
    public func passwordFile(for role: String) -> String { "\(secrets)/\(role).password" }

    /// `postgres://role@127.0.0.1:port/database?sslmode=disable` (the test server has no certificate).
    public func url(for role: String, database: String) -> String {
        "postgres://\(role)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// Runs `sql` through the real `psql` binary as `role` (over the socket), stopping at the first error.
    public func psql(as role: String, database: String, sql: String) async throws -> ProcessResult {
        try await ProcessRunner.run("\(binaries)/psql", psqlArguments(role, database), stdin: sql, environment: ["PGCONNECT_TIMEOUT": "10"])
    }

    private func psqlBlocking(as role: String, database: String, sql: String) throws -> ProcessResult {
        try ProcessRunner.runBlocking("\(binaries)/psql", psqlArguments(role, database), stdin: sql, environment: ["PGCONNECT_TIMEOUT": "10"])
    }

    private func psqlArguments(_ role: String, _ database: String) -> [String] {
        ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", socketFolder, "-p", String(port), "-U", role, "-d", database, "-f", "-"]
    }

    /// Runs `sql` as the superuser; throws with psql's message when it fails.
    @discardableResult
    public func superSQL(_ sql: String, database: String) async throws -> String {
        let result = try await psql(as: superuser, database: database, sql: sql)
        guard result.status == 0 else { throw ClusterError("psql as \(superuser) failed (\(result.status)): \(result.stderr)") }
        return result.stdout
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.withLock { value += 1; return value } }
    }

    nonisolated(unsafe) private static var starting: Task<PostgresCluster, any Error>?
    private static let startLock = NSLock()
}

/// Why the test cluster could not be started or used.
public struct ClusterError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
