import Foundation
import MuseCardTestSupport
import Testing

/// Input the console must not misread, on the real binary in tmux: a paste with an escape code,
/// keys while the terminal is too small, and card keys while a filter hides every row. Each
/// once fired a lock nobody saw confirmed.
@Suite(.serialized)
struct ConsoleInputEndToEndTests {
    let base = ConsoleSessionEndToEndTests()
    /// The demo cardholder Käthe Müller: ••… VC1000000001 ACTIVE, then VC1000000002 LOCKED.
    static let kaethe = "60004408"

    /// The actions in the session's audit trail (read before the session's HOME is removed).
    func auditedActions(_ session: TmuxSession) throws -> [String] {
        let file = session.home.appendingPathComponent(".local/state/musecard/audit.jsonl")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").compactMap { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["action"] as? String
        }
    }

    /// Quits and returns the summary printed after the screen is gone.
    func quit(_ session: TmuxSession) throws -> String {
        try session.send("q")
        return try session.waitFor("[exited 0]")
    }

    @Test func aPastedEscapeCodeIsTypedIntoTheFormNotRunAsKeys() throws {
        let session = try base.console(user: ConsoleSessionEndToEndTests.zhang)
        defer { session.kill() }
        try session.waitUntil("first card loaded") { base.row($0, "6407").contains("ACTIVE") }
        // No text field focused: the paste is dropped, not read as l (lock) and y (yes).
        try session.paste("ly")
        var screen = try session.waitFor("Paste ignored: no text field is focused")
        #expect(!screen.contains("Lock card?"))
        try session.send("enter")
        try session.waitFor("─ Actions")
        // lock, unlock, activate, activate physical, then update phone.
        try session.send("j", "j", "j", "j", "enter")
        try session.waitFor("Update phone — VC1000000005")
        try session.send("tab")
        try session.paste("4915\u{1B}[0mly")
        screen = try session.waitUntil("the paste typed into the phone field") { $0.contains("4915ly") }
        #expect(screen.contains("Update phone — VC1000000005"), "the form is still open")
        #expect(!screen.contains("Lock card?") && !screen.contains("lock: sent"))
        try session.keeps("the form stays open, no lock dialog", for: 1) {
            $0.contains("Update phone") && $0.contains("4915ly") && !$0.contains("Lock card?")
        }
        try session.send("esc")
        screen = try session.waitUntil("form canceled") { !$0.contains("Update phone") && $0.contains("Canceled") }
        #expect(base.row(screen, "6407").contains("ACTIVE"))
        let summary = try quit(session)
        #expect(!summary.contains("lock VC1000000005"))
        #expect(try !auditedActions(session).contains("lock"))
    }

    @Test func keysOnTheTooSmallScreenLockNothing() throws {
        let session = try base.console(user: ConsoleSessionEndToEndTests.zhang)
        defer { session.kill() }
        try session.waitUntil("first card loaded") { base.row($0, "6407").contains("ACTIVE") }
        try session.resize(columns: 59, rows: 15)
        try session.waitFor("terminal too small (need 60x16)")
        try session.send("k", "l", "y")
        // Nothing visible can change here: watch long enough for a loaded machine to read the keys.
        try session.keeps("the too-small screen", for: 2) { $0.contains("terminal too small") }
        try session.resize(columns: 120, rows: 40)
        let screen = try session.waitUntil("full screen back") { $0.contains("DAILY LIMIT") && !base.row($0, "6407").isEmpty }
        #expect(!screen.contains("Lock card?") && !screen.contains("lock: sent"))
        try session.keeps("no dialog and the card still ACTIVE", for: 1) {
            !$0.contains("Lock card?") && base.row($0, "6407").contains("ACTIVE")
        }
        let summary = try quit(session)
        #expect(!summary.contains("lock VC1000000005"))
        #expect(try !auditedActions(session).contains("lock"))
    }

    @Test func cardKeysDoNothingWhenTheFilterHidesEveryRow() throws {
        let session = try base.console(user: Self.kaethe)
        defer { session.kill() }
        try session.waitUntil("cards loaded") { $0.contains("1/4") && $0.contains("LOCK") }
        try session.send("j")
        try session.waitFor("2/4")
        try session.send("/", "z", "z", "z", "z")
        try session.waitUntil("nothing matches") { $0.contains("/zzzz") && $0.contains("0 matches") }
        try session.send("enter")
        try session.send("u")
        var screen = try session.waitFor("Cannot unlock: no card selected")
        #expect(!screen.contains("Unlock card?"))
        try session.send("l")
        screen = try session.waitFor("Cannot lock: no card selected")
        #expect(!screen.contains("Lock card?"))
        try session.send("enter")
        screen = try session.waitUntil("the menu refused") { $0.contains("no card selected") && !$0.contains("Cannot lock") }
        #expect(!screen.contains("─ Actions"))
        try session.keeps("no dialog or menu", for: 1) { !$0.contains("card?") && !$0.contains("─ Actions") }
        // Rows back, selection back: the first card.
        try session.send("esc")
        try session.waitUntil("filter cleared") { !$0.contains("zzzz") && $0.contains("1/4") }
        let summary = try quit(session)
        #expect(!summary.contains("unlock VC") && !summary.contains("lock VC"))
        #expect(try auditedActions(session).filter { ["lock", "unlock"].contains($0) }.isEmpty)
    }

    /// After the console ends, by quitting, a stop signal or a crash, the terminal is back in
    /// plain paste mode: a paste into the shell's terminal carries no bracket markers.
    @Test(arguments: [(0, 0), (SIGTERM, 143), (SIGABRT, 134)])
    func bracketedPasteIsTurnedOffWhenTheConsoleEnds(signal: Int32, status: Int) throws {
        let session = try base.console(user: ConsoleSessionEndToEndTests.zhang)
        defer { session.kill() }
        try session.waitUntil("first card loaded") { base.row($0, "6407").contains("ACTIVE") }
        if signal == 0 {
            try session.send("q")
        } else {
            try session.signalProgram(signal)
        }
        try session.waitFor("[exited \(status)]")
        // The terminal echoes what is pasted now; bracket markers would show as ^[[200~.
        try session.paste("after-exit")
        let screen = try session.waitFor("after-exit")
        #expect(!screen.contains("200~") && !screen.contains("201~"))
    }
}
