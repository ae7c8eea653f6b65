import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// `musecard sandbox serve` as a real process, driven the way a person or a script would.
@Suite struct ServeCommandTests {
    static let binary = Fixtures.productsFolder.appendingPathComponent("musecard").path

    /// Reads standard output line by line until `stop` says enough (or the pipe closes).
    static func readLines(_ handle: FileHandle, until stop: ([String]) -> Bool) -> [String] {
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

    @Test func serveprintsItsURLFirstServesTheCardCommandAndStopsOnSIGTERM() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("musecard-serve-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["sandbox", "serve", "--port", "0"]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": state.path, "XDG_STATE_HOME": state.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let lines = Self.readLines(out.fileHandleForReading) { lines in
            lines.contains { $0.hasPrefix("export MUSECARD_PLATFORM_PUBLIC_KEY=") } || lines.count > 20
        }
        let first = try #require(lines.first)
        #expect(first.hasPrefix("http://127.0.0.1:"))
        #expect(URL(string: first)?.port != nil)
        var env = ["HOME": state.path]
        for line in lines where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { env[pair[0]] = pair[1] }
        }
        #expect(env["MUSECARD_BASE_URL"] == first)
        let keyPath = try #require(env["MUSECARD_PRIVATE_KEY"])
        #expect(keyPath.hasPrefix(state.appendingPathComponent("musecard/sandbox").path))
        let mode = try FileManager.default.attributesOfItem(atPath: keyPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let get = try await ProcessRunner.run(Self.binary, ["card", "get", "--user", "60004410", "--card", "VC1000000010"],
                                        environment: env, clearEnvironment: true)
        #expect(get.status == 0, "\(get.stderr)")
        #expect(get.stdout.contains("ACTIVE"))
        #expect(!get.stdout.contains("\u{1B}"), "the hostile demo name never reaches the terminal raw")
        #expect(!lines.joined().contains("\u{1B}"), "serve prints demo names sanitised")
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }
}
