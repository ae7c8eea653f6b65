import Foundation

extension PostgresCluster {
    /// initdb, postgres, watchdog and exit hook; runs on a thread of its own (it waits on processes).
    static func start() async throws -> PostgresCluster {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try startBlocking() }) }.start()
        }
    }

    private static func startBlocking() throws -> PostgresCluster {
        let binaries = try findBinaries()
        let owner: String? = getuid() == 0 ? "postgres" : nil
        let folder = try temporaryFolder("musecard-pg")
        let secrets = try temporaryFolder("musecard-pg-secrets")
        let password = "super-" + UUID().uuidString
        let initPassword = folder + "/initdb.password"
        _ = FileManager.default.createFile(atPath: initPassword, contents: Data((password + "\n").utf8), attributes: [.posixPermissions: 0o600])
        _ = FileManager.default.createFile(atPath: "\(secrets)/postgres.password", contents: Data((password + "\n").utf8),
                                       attributes: [.posixPermissions: 0o600])
        if let owner {
            guard let entry = getpwnam(owner) else {
                throw ClusterError("the tests run as root and start PostgreSQL as the \(owner) user, which does not exist: install Debian's postgresql package")
            }
            guard chown(folder, entry.pointee.pw_uid, entry.pointee.pw_gid) == 0, chown(initPassword, entry.pointee.pw_uid, entry.pointee.pw_gid) == 0 else {
                throw ClusterError("cannot hand \(folder) to \(owner): \(String(cString: strerror(errno)))")
            }
        }
        let data = folder + "/data"
        let initdb = try run(owner, "\(binaries)/initdb", [
            "-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=\(initPassword)",
            "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions",
        ], in: folder)
        guard initdb.status == 0 else { throw ClusterError("initdb failed (\(initdb.status)): \(initdb.stderr)\(initdb.stdout)") }
        try? FileManager.default.removeItem(atPath: initPassword)
        var lastFailure = ""
        for _ in 1...5 {
            let port = try freePort()
            let log = "\(folder)/server-\(port).log"
            guard let server = try launch(owner, binaries: binaries, data: data, folder: folder, port: port, log: log) else {
                lastFailure = (try? String(contentsOfFile: log, encoding: .utf8)) ?? "no log"
                // Another process may have taken the port between asking and binding: try another.
                if lastFailure.contains("could not bind") || lastFailure.contains("Address already in use") { continue }
                break
            }
            Server.keep(server)
            let stop = ([owner.map { "\(runuser) -u \($0) --" } ?? ""] + ["'\(binaries)/pg_ctl'", "-D", "'\(data)'", "-m", "immediate", "-w", "stop"])
                .joined(separator: " ")
            let cleanup = "\(stop) >/dev/null 2>&1; rm -rf '\(folder)' '\(secrets)'"
            try watch(cleanup)
            ExitHook.install(cleanup)
            return PostgresCluster(port: port, folder: folder, binaries: binaries, secrets: secrets, owner: owner)
        }
        throw ClusterError("PostgreSQL did not start: \(lastFailure)")
    }

    /// Runs `postgres` as a child (not daemonised by pg_ctl: a daemon would inherit the descriptor
    /// Foundation watches to see its child end, and `waitUntilExit` would never return), then waits
    /// until it accepts connections; `nil` when it exited instead (see the log).
    private static func launch(_ owner: String?, binaries: String, data: String, folder: String, port: Int, log: String) throws -> Process? {
        guard FileManager.default.createFile(atPath: log, contents: nil), let output = FileHandle(forWritingAtPath: log) else {
            throw ClusterError("cannot write \(log)")
        }
        let server = Process()
        let settings = ["port=\(port)", "listen_addresses=127.0.0.1", "unix_socket_directories=\(folder)", "fsync=off",
                        "synchronous_commit=off", "full_page_writes=off", "max_connections=200", "timezone=UTC"]
        let command = ["\(binaries)/postgres", "-D", data] + settings.flatMap { ["-c", $0] }
        server.executableURL = URL(fileURLWithPath: owner == nil ? command[0] : runuser)
        server.arguments = owner.map { ["-u", $0, "--"] + command } ?? Array(command.dropFirst())
        server.currentDirectoryURL = URL(fileURLWithPath: folder)
        server.standardInput = FileHandle.nullDevice
        server.standardOutput = output
        server.standardError = output
        try server.run()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            guard server.isRunning else { return nil }
            let ready = try ProcessRunner.runBlocking("\(binaries)/pg_isready", ["-q", "-h", folder, "-p", String(port), "-t", "2"])
            if ready.status == 0 { return server }
            usleep(200_000)
        }
        server.terminate()
        throw ClusterError("PostgreSQL did not accept connections within 120 s (\(log))")
    }

    /// The newest `/usr/lib/postgresql/*/bin` holding initdb, pg_ctl, postgres and psql.
    static func findBinaries() throws -> String {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap { name in Int(name).map { ($0, name) } }
        for (_, name) in versions.sorted(by: { $0.0 > $1.0 }) {
            let bin = "\(root)/\(name)/bin"
            if ["initdb", "pg_ctl", "postgres", "psql"].allSatisfy({ FileManager.default.isExecutableFile(atPath: "\(bin)/\($0)") }) { return bin }
        }
        throw ClusterError("PostgreSQL is not installed: no \(root)/*/bin with initdb, pg_ctl, postgres and psql (apt-get install postgresql; .ci/run does)")
    }

    static let runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "runuser"

    private static func run(_ owner: String?, _ program: String, _ arguments: [String], in folder: String) throws -> ProcessResult {
        guard let owner else { return try ProcessRunner.runBlocking(program, arguments, directory: folder) }
        return try ProcessRunner.runBlocking(runuser, ["-u", owner, "--", program] + arguments, directory: folder)
    }

    private static func temporaryFolder(_ prefix: String) throws -> String {
        var template = Array("\(NSTemporaryDirectory().trimmingSuffix("/"))/\(prefix)-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw ClusterError("cannot make a temporary folder: \(String(cString: strerror(errno)))") }
        return String(cString: made)
    }

    /// A port on 127.0.0.1 that nothing listens on right now.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClusterError("socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw ClusterError("cannot find a free port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A shell that outlives a killed test process (it ignores the terminal's signals), waits for this
    /// process to end and then runs `cleanup`.
    private static func watch(_ cleanup: String) throws {
        let watchdog = Process()
        // Its own session: a signal to the test's process group does not reach it.
        watchdog.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        watchdog.arguments = ["/bin/sh", "-c", "trap '' INT TERM HUP; while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(cleanup)"]
        watchdog.standardInput = FileHandle.nullDevice
        watchdog.standardOutput = FileHandle.nullDevice
        watchdog.standardError = FileHandle.nullDevice
        try watchdog.run()
    }
}

/// Keeps the server's `Process` alive for the test process's lifetime.
private enum Server {
    nonisolated(unsafe) static var running: [Process] = []
    static func keep(_ process: Process) { running.append(process) }
}

/// Stops the cluster when the test process exits normally (the watchdog covers a kill).
private enum ExitHook {
    nonisolated(unsafe) static var cleanup: String?

    static func install(_ command: String) {
        cleanup = command
        atexit {
            guard let command = ExitHook.cleanup else { return }
            ExitHook.cleanup = nil
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try? process.run()
            process.waitUntilExit()
        }
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
