import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// `musecard sandbox serve` as a real process, driven the way a person or a script would.
@Suite struct ServeCommandTests {
    static let binary = Fixtures.productsFolder.appendingPathComponent("musecard").path

    /// What one run of the scenario saw.
    struct Outcome: Sendable {
        var lines: [String] = []
        var keyFolder = ""
        var keyMode: Int?
        var get: ProcessResult?
        var exitedNormally = false
        var exitStatus: Int32 = -1
    }

    @Test func servePrintsItsURLFirstServesTheCardCommandAndStopsOnSIGTERM() async throws {
        let outcome = try await SandboxProcess.offPool { try Self.serveScenario() }
        let first = try #require(outcome.lines.first)
        #expect(first.hasPrefix("http://127.0.0.1:"))
        #expect(URL(string: first)?.port != nil)
        let env = SandboxProcess.exports(outcome.lines)
        #expect(env["MUSECARD_BASE_URL"] == first)
        #expect(env["MUSECARD_PRIVATE_KEY"]?.hasPrefix(outcome.keyFolder) == true)
        #expect(outcome.keyMode == 0o600)
        let get = try #require(outcome.get)
        #expect(get.status == 0, "\(get.stderr)")
        #expect(get.stdout.contains("ACTIVE"))
        #expect(!get.stdout.contains("\u{1B}"), "the hostile demo name never reaches the terminal raw")
        #expect(!outcome.lines.joined().contains("\u{1B}"), "serve prints demo names sanitised")
        #expect(outcome.exitedNormally)
        #expect(outcome.exitStatus == 0)
    }

    /// Starts `serve`, reads its setup lines, runs `card get` against it, then sends SIGTERM.
    static func serveScenario() throws -> Outcome {
        let state = Fixtures.scratchPath("musecard-serve")
        var outcome = Outcome(keyFolder: state.appendingPathComponent("musecard/sandbox").path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["sandbox", "serve", "--port", "0"]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": state.path, "XDG_STATE_HOME": state.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        outcome.lines = SandboxProcess.readLines(out.fileHandleForReading) { lines in
            lines.contains { $0.hasPrefix("export MUSECARD_PLATFORM_PUBLIC_KEY=") } || lines.count > 20
        }
        var env = SandboxProcess.exports(outcome.lines)
        env["HOME"] = state.path
        if let key = env["MUSECARD_PRIVATE_KEY"] {
            outcome.keyMode = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int
        }
        outcome.get = try ProcessRunner.runBlocking(binary, ["card", "get", "--user", "60004410", "--card", "VC1000000010"],
                                            environment: env, clearEnvironment: true)
        process.terminate()
        process.waitUntilExit()
        outcome.exitedNormally = process.terminationReason == .exit
        outcome.exitStatus = process.terminationStatus
        return outcome
    }
}
