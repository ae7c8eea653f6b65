import Foundation

/// Runs a program to completion and keeps its exit status and output.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

public enum ProcessRunner {
    /// Runs `executable` with `arguments`, an optional standard input and extra environment.
    ///
    /// The wait happens on a thread of its own: blocking the few threads of Swift's cooperative
    /// pool would starve a test server living in the same process, and the child would time out.
    public static func run(_ executable: String, _ arguments: [String], stdin: String? = nil,
                           environment: [String: String] = [:], clearEnvironment: Bool = false,
                           directory: String? = nil) async throws -> ProcessResult {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result {
                    try runBlocking(executable, arguments, stdin: stdin, environment: environment, clearEnvironment: clearEnvironment,
                                    directory: directory)
                })
            }
            thread.start()
        }
    }

    /// Waits for a started process on a thread of its own (never on the cooperative pool); its exit status.
    public static func exit(of process: Process) async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread {
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }.start()
        }
    }

    /// The blocking form, for code already running on a thread of its own (never on the cooperative pool).
    public static func runBlocking(_ executable: String, _ arguments: [String], stdin: String? = nil,
                                   environment: [String: String] = [:], clearEnvironment: Bool = false,
                                   directory: String? = nil) throws -> ProcessResult {
        let process = Process()
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = clearEnvironment ? ["PATH": "/usr/bin:/bin"] : ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // A child that exits without reading its input (psql that cannot connect) must not kill the
        // test process with SIGPIPE: the write fails instead, and the child's status tells why.
        _ = ignoreBrokenPipes
        if let stdin { try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        return ProcessResult(status: reap(process),
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Waits for the child itself. Foundation's `waitUntilExit` on Linux waits for a socket the child
    /// inherited to close, which never happens while a daemon it started (pg_ctl's postgres) holds it;
    /// when Foundation did see the exit first (and reaped the child), its own status is the answer.
    private static func reap(_ process: Process) -> Int32 {
        var status: Int32 = 0
        var result: Int32
        repeat { result = waitpid(process.processIdentifier, &status, 0) } while result == -1 && errno == EINTR
        guard result == process.processIdentifier else {
            process.waitUntilExit()
            return process.terminationStatus
        }
        // As Foundation reports it: the exit code, or the signal's number.
        let signalled = status & 0x7f
        return signalled == 0 ? (status >> 8) & 0xff : signalled
    }
}
