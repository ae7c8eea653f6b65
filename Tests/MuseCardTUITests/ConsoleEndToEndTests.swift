import Foundation
import MuseCardTestSupport
import Testing

/// The real `musecard` binary in tmux, read the way a person reads the screen.
@Suite(.serialized)
struct ConsoleEndToEndTests {
    static let binary = Fixtures.productsFolder.appendingPathComponent("musecard").path
    static let themes = Fixtures.root.appendingPathComponent("themes").path

    func preview(_ extra: [String] = [], columns: Int = 120, rows: Int = 40, environment: [String: String] = [:]) throws -> TmuxSession {
        var env = ["MUSECARD_THEMES_DIR": Self.themes]
        for (key, value) in environment { env[key] = value }
        return try TmuxSession([Self.binary, "tui", "--theme-preview"] + extra, columns: columns, rows: rows, environment: env)
    }

    @Test func harnessRunsTheBinaryAndReadsItsOutput() throws {
        let session = try TmuxSession([Self.binary, "--help"], columns: 100, rows: 30)
        defer { session.kill() }
        let screen = try session.waitFor("[exited 0]")
        #expect(screen.contains("tui"))
        #expect(screen.contains("card"))
    }

    @Test func previewDrawsMovesOpensHelpAndQuitsWithTheTerminalRestored() throws {
        let session = try preview()
        defer { session.kill() }
        var screen = try session.waitFor("Theme preview: default")
        #expect(screen.contains("SANDBOX"))
        #expect(screen.contains("张伟"))
        #expect(screen.contains("EVIL␛[2J"))
        #expect(screen.contains("1/6"))
        try session.send("j", "j")
        try session.waitFor("3/6")
        try session.send("?")
        try session.waitFor("esc or ? close")
        try session.send("esc")
        try session.waitUntil("help closed") { !$0.contains("esc or ? close") && $0.contains("3/6") }
        try session.send("q")
        screen = try session.waitFor("[exited 0]")
        #expect(screen.contains("Theme preview default: 5 keys, nothing was sent."))
        // The alternate screen is gone: no frame left behind, only the summary.
        #expect(!screen.contains("BALANCE"))
    }

    @Test func resizingReflowsAndTooSmallSaysSo() throws {
        let session = try preview()
        defer { session.kill() }
        try session.waitFor("DAILY LIMIT")
        try session.resize(columns: 62, rows: 18)
        let narrow = try session.waitUntil("narrow layout") { !$0.contains("DAILY LIMIT") && $0.contains("BALANCE") }
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 62 })
        try session.resize(columns: 50, rows: 12)
        try session.waitFor("terminal too small (need 60x16)")
        try session.resize(columns: 120, rows: 40)
        try session.waitFor("DAILY LIMIT")
        try session.send("q")
        try session.waitFor("[exited 0]")
    }

    @Test func interruptRestoresTheTerminalAndPrintsTheSummary() throws {
        let session = try preview()
        defer { session.kill() }
        try session.waitFor("Theme preview: default")
        try session.send("ctrl-c")
        let screen = try session.waitFor("[exited 130]")
        #expect(screen.contains("Theme preview default"))
        #expect(!screen.contains("BALANCE"))
    }

    @Test func noColorDrawsWithoutColours() throws {
        let session = try preview(environment: ["NO_COLOR": "1"])
        defer { session.kill() }
        try session.waitFor("Theme preview: mono")
        let coloured = try self.preview()
        defer { coloured.kill() }
        try coloured.waitFor("Theme preview: default")
        #expect(try hasColour(coloured.captureWithAttributes()))
        #expect(try !hasColour(session.captureWithAttributes()))
    }

    @Test func unknownThemeIsAConfigurationError() async throws {
        let result = try await ProcessRunner.run(Self.binary, ["tui", "--theme", "nope"], environment: ["MUSECARD_THEMES_DIR": Self.themes, "NO_COLOR": ""])
        #expect(result.status == 78)
        #expect(result.stderr.contains("no theme named nope"))
    }

    @Test func withoutATerminalItRefusesClearly() async throws {
        let result = try await ProcessRunner.run(Self.binary, ["tui", "--theme-preview"], environment: ["MUSECARD_THEMES_DIR": Self.themes])
        #expect(result.status == 64)
        #expect(result.stderr.contains("needs a terminal"))
    }

    /// True when the captured screen sets a foreground or background colour.
    func hasColour(_ screen: String) -> Bool {
        screen.range(of: #"\x1B\[[0-9;]*(3[0-7]|4[0-7]|38;5;[0-9]+|48;5;[0-9]+)[;m]"#, options: .regularExpression) != nil
    }
}
