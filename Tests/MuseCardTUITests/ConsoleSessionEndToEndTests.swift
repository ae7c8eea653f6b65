import Foundation
import MuseCardTestSupport
import Testing

/// The real console over the embedded sandbox (no configuration: demo data), in tmux.
@Suite(.serialized)
struct ConsoleSessionEndToEndTests {
    static let binary = Fixtures.productsFolder.appendingPathComponent("musecard").path
    static let themes = Fixtures.root.appendingPathComponent("themes").path
    /// The demo cardholder 张伟: first card VC1000000005 ••6407 ACTIVE, then ••9917 SUSPENDED.
    static let zhang = "60004409"
    static let hostile = "60004410"

    func console(user: String, columns: Int = 120, rows: Int = 40) throws -> TmuxSession {
        try TmuxSession([Self.binary, "tui", "--user", user, "--ticket", "SUP-1"], columns: columns, rows: rows,
                        environment: ["MUSECARD_THEMES_DIR": Self.themes])
    }

    /// The card list row for a card's last four digits.
    func row(_ screen: String, _ last4: String) -> String {
        // Only the list side of each line (the detail pane follows the separator).
        let lists = screen.split(separator: "\n").map { String($0.split(separator: "│", omittingEmptySubsequences: false).first ?? "") }
        return lists.first { $0.contains(" \(last4) ") } ?? ""
    }

    @Test func lockAndUnlockWithConfirmationThenQuitPrintsTheSummary() throws {
        let session = try console(user: Self.zhang)
        defer { session.kill() }
        var screen = try session.waitFor("6407")
        #expect(row(screen, "6407").contains("ACTIVE"))
        #expect(screen.contains("张伟"))

        // The reason first (Enter keeps CUSTOMER_REQUEST); then Cancel has the focus: enter changes nothing.
        try session.send("l")
        try session.waitFor("CUSTOMER_REQUEST")
        try session.send("enter")
        screen = try session.waitFor("Lock card?")
        #expect(screen.contains("[ Cancel ]"))
        try session.send("enter")
        screen = try session.waitUntil("dialog closed") { !$0.contains("Lock card?") }
        #expect(row(screen, "6407").contains("ACTIVE"))

        try session.send("l")
        try session.waitFor("CUSTOMER_REQUEST")
        try session.send("enter")
        try session.waitFor("Lock card?")
        try session.send("tab")
        try session.waitFor("[ Lock ]")
        try session.send("enter")
        screen = try session.waitUntil("card locked") { row($0, "6407").contains("LOCK") && !row($0, "6407").contains("ACTIVE") }

        try session.send("u")
        try session.waitUntil("unlock dialog") { $0.contains("[ Cancel ]") }
        try session.send("tab", "enter")
        try session.waitUntil("card active again") { row($0, "6407").contains("ACTIVE") }

        try session.send("q")
        screen = try session.waitFor("[exited 0]")
        #expect(screen.contains("lock VC1000000005 (lock_reason=CUSTOMER_REQUEST): applied, now LOCK"))
        #expect(screen.contains("unlock VC1000000005: applied, now ACTIVE"))
        #expect(screen.contains("SUP-1"))
        #expect(!screen.contains("DAILY LIMIT"), "the frame is gone, only the summary is left")
    }

    @Test func unavailableActionIsRefusedWithItsReason() throws {
        let session = try console(user: Self.zhang)
        defer { session.kill() }
        try session.waitFor("9917")
        try session.send("j")
        try session.waitFor("2/5")
        try session.send("l")
        let screen = try session.waitFor("Cannot lock")
        #expect(screen.contains("lock needs ACTIVE"))
        #expect(!screen.contains("Lock card?"))
        try session.send("enter")
        let menu = try session.waitFor("Actions")
        #expect(menu.contains("(SUSPENDED)") && menu.contains("— needs ACTIVE"), "the title names the status, the row what is needed")
        try session.send("esc", "q")
        try session.waitFor("[exited 0]")
    }

    @Test func filterNarrowsTheList() throws {
        let session = try console(user: Self.zhang)
        defer { session.kill() }
        try session.waitFor("9917")
        try session.send("/", "9", "9", "1", "7")
        let screen = try session.waitUntil("only the matching card") { $0.contains("/9917") && row($0, "6407").isEmpty && !row($0, "9917").isEmpty }
        #expect(row(screen, "1197").isEmpty)
        #expect(screen.contains("1 match"))
        try session.send("enter", "esc")
        try session.waitUntil("filter cleared") { !row($0, "6407").isEmpty && !row($0, "1197").isEmpty }
        try session.send("q")
        try session.waitFor("[exited 0]")
    }

    @Test func helpOverlayListsEveryKey() throws {
        let session = try console(user: Self.zhang)
        defer { session.kill() }
        try session.waitFor("6407")
        try session.send("?")
        let help = try session.waitFor("lock every active card")
        #expect(help.contains("reveal/hide phone"))
        try session.send("esc")
        try session.waitUntil("help closed") { !$0.contains("lock every active card") }
        try session.send("q")
        try session.waitFor("[exited 0]")
    }

    @Test func hostileNameIsShownInert() throws {
        let session = try console(user: Self.hostile)
        defer { session.kill() }
        let screen = try session.waitFor("EVIL")
        #expect(screen.contains("␛"))
        #expect(screen.contains("6407") == false)
        let raw = try session.captureWithAttributes()
        #expect(!raw.contains("\u{1B}[2J") && !raw.contains("\u{07}"))
        // Nothing moved: the top bar and hints are still where they belong.
        #expect(screen.split(separator: "\n").first?.contains("MuseCard") == true)
        try session.send("q")
        try session.waitFor("[exited 0]")
    }

    @Test func resizeReflowsAndTooSmallRecovers() throws {
        let session = try console(user: Self.zhang)
        defer { session.kill() }
        try session.waitFor("DAILY LIMIT")
        try session.resize(columns: 70, rows: 20)
        try session.waitUntil("narrow layout") { !$0.contains("DAILY LIMIT") && $0.contains("6407") }
        try session.resize(columns: 58, rows: 14)
        try session.waitFor("terminal too small (need 60x16)")
        try session.resize(columns: 120, rows: 40)
        try session.waitFor("DAILY LIMIT")
        try session.send("q")
        try session.waitFor("[exited 0]")
    }

    @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129)])
    func stopSignalsRestoreTheTerminalAndPrintTheSummary(signal: Int32, status: Int) throws {
        let session = try console(user: Self.zhang)
        defer { session.kill() }
        try session.waitFor("6407")
        try session.signalProgram(signal)
        let screen = try session.waitFor("[exited \(status)]")
        #expect(screen.contains("Cardholder: 60004409"))
        #expect(!screen.contains("DAILY LIMIT"))
    }

    /// A terminal that vanishes without a SIGHUP still ends the console, as a hang-up would. Here
    /// the console runs in a session of its own, so closing its terminal signals nothing: before,
    /// it ran on unseen (one outlived a CI run after its tmux server was killed).
    @Test func aConsoleWhoseTerminalVanishesEnds() throws {
        let pidFile = Fixtures.scratchPath("musecard").appendingPathExtension("pid").path
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        let program = "echo $$ > \(TmuxSession.quote(pidFile)); exec \(TmuxSession.quote(Self.binary)) tui --user \(Self.zhang) --ticket SUP-1"
        let session = try TmuxSession(["/usr/bin/setsid", "/bin/sh", "-c", program], environment: ["MUSECARD_THEMES_DIR": Self.themes])
        defer { session.kill() }
        try session.waitFor("6407")
        let text = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try #require(pid_t(text))
        #expect(Self.isRunning(pid))
        session.kill()  // the tmux server, and with it the console's terminal, is gone
        let deadline = Date().addingTimeInterval(15)
        while Self.isRunning(pid) && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        let ended = !Self.isRunning(pid)
        if !ended { Foundation.kill(pid, SIGKILL) }
        #expect(ended, "the console kept running without its terminal")
    }

    /// False once the process has ended (gone, or a zombie waiting for init).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: close)...].hasPrefix(" Z")
    }

    @Test func aCrashStillGivesTheTerminalBack() throws {
        let session = try console(user: Self.zhang)
        defer { session.kill() }
        try session.waitFor("6407")
        try session.signalProgram(SIGABRT)
        let screen = try session.waitFor("[exited 134]")
        #expect(!screen.contains("DAILY LIMIT"), "the crash handler left the alternate screen")
    }

    @Test func eightColourTerminalsGetBasicColoursOnly() throws {
        let session = try TmuxSession([Self.binary, "tui", "--user", Self.zhang], environment: ["MUSECARD_THEMES_DIR": Self.themes, "TERM": "screen"])
        defer { session.kill() }
        try session.waitFor("6407")
        let raw = try session.captureWithAttributes()
        #expect(raw.range(of: #"\x1B\[[0-9;]*3[0-7][;m]"#, options: .regularExpression) != nil)
        #expect(!raw.contains("38;5;"))
        try session.send("q")
        try session.waitFor("[exited 0]")
    }
}
