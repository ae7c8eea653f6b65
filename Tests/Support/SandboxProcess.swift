import Foundation
import MuseCardKit

/// `musecard sandbox serve` as a child process (demo data, demo keys), for end-to-end tests of
/// the real binary against the real sandbox. Every method blocks: call them from a thread of
/// their own (`SandboxProcess.offPool`), never from Swift's cooperative pool.
public final class SandboxProcess: @unchecked Sendable {
    public static let binary = Fixtures.productsFolder.appendingPathComponent("musecard").path

    /// `http://127.0.0.1:PORT`, the first line `serve` prints.
    public let baseURL: String
    /// The `export MUSECARD_…=` lines it printed: base URL, partner id and the demo key files.
    public let exports: [String: String]
    private let process: Process
    private let state: URL

    /// Starts `musecard sandbox serve --port 0` plus `arguments` and reads its setup lines.
    public init(arguments: [String] = []) throws {
        state = Fixtures.scratchPath("musecard-sandbox")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["sandbox", "serve", "--port", "0"] + arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": state.path, "XDG_STATE_HOME": state.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let lines = Self.readLines(out.fileHandleForReading) { lines in
            lines.contains { $0.hasPrefix("export MUSECARD_PLATFORM_PUBLIC_KEY=") } || lines.count > 40
        }
        let env = Self.exports(lines)
        guard let first = lines.first, first.hasPrefix("http://"), env["MUSECARD_BASE_URL"] != nil else {
            process.terminate()
            process.waitUntilExit()
            throw ProcessFailure(description: "sandbox serve printed no setup: \(lines)")
        }
        baseURL = first
        exports = env
    }

    deinit { stop() }

    public var port: Int { URL(string: baseURL)?.port ?? -1 }

    /// Stops the sandbox (SIGTERM) and waits for it; idempotent.
    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: state)
    }

    /// Replaces the fault plan (`POST /_sandbox/faults`), e.g. `{"paths":{"/v1/card/replace":{"latency_ms":8000}}}`.
    public func setFaults(_ json: String) throws {
        let result = try ProcessRunner.runBlocking("/usr/bin/curl", ["-s", "-f", "-X", "POST", "-H", "Content-Type: application/json",
                                                                     "--data", json, baseURL + "/_sandbox/faults"])
        guard result.status == 0 else { throw ProcessFailure(description: "POST /_sandbox/faults failed: \(result.status) \(result.stdout)") }
    }

    /// How many requests the sandbox has answered on `path` (`GET /_sandbox/stats`); counted once answered.
    public func answered(_ path: String) throws -> Int {
        let result = try ProcessRunner.runBlocking("/usr/bin/curl", ["-s", "-f", baseURL + "/_sandbox/stats"])
        guard result.status == 0 else { throw ProcessFailure(description: "GET /_sandbox/stats failed: \(result.status)") }
        let stats = try JSONParser.parse(result.stdout)
        return stats["paths"]?[path]?["requests"]?.scalarText.flatMap { Int($0) } ?? 0
    }

    /// Whether some TCP connection to the sandbox's port is established (a client is talking to it).
    public func hasClientConnection() -> Bool {
        let hexPort = String(format: "%04X", port)
        for file in ["/proc/net/tcp", "/proc/net/tcp6"] {
            // Read to the end: /proc files report size 0 and a single read stops at a page.
            let fd = open(file, O_RDONLY)
            guard fd >= 0 else { continue }
            var bytes: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(fd, &chunk, chunk.count)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                bytes.append(contentsOf: chunk[0..<count])
            }
            close(fd)
            let text = String(decoding: bytes, as: UTF8.self)
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                // local_address rem_address st: the client's side has the sandbox port as remote, state 01.
                guard fields.count > 3 else { continue }
                if fields[2].hasSuffix(":" + hexPort) && fields[3] == "01" { return true }
            }
        }
        return false
    }

    /// Polls `condition` every 100 ms until it holds or `timeout` seconds pass.
    public static func poll(_ timeout: TimeInterval, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return try condition()
    }

    /// Runs blocking work (pipes, child processes, polling) on a plain thread, so it never holds
    /// one of the few cooperative threads.
    public static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    /// The `export NAME=value` lines `sandbox serve` prints, as a dictionary.
    public static func exports(_ lines: [String]) -> [String: String] {
        var env: [String: String] = [:]
        for line in lines where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { env[pair[0]] = pair[1] }
        }
        return env
    }

    /// Reads standard output line by line until `stop` says enough (or the pipe closes).
    public static func readLines(_ handle: FileHandle, until stop: ([String]) -> Bool) -> [String] {
        var lines: [String] = [], current: [UInt8] = []
        var byte: UInt8 = 0
        while !stop(lines) {
            let count = read(handle.fileDescriptor, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            if byte == UInt8(ascii: "\n") {
                lines.append(String(decoding: current, as: UTF8.self))
                current = []
            } else {
                current.append(byte)
            }
        }
        return lines
    }
}

public struct ProcessFailure: Error, CustomStringConvertible {
    public let description: String
    public init(description: String) { self.description = description }
}
