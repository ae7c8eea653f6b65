import Foundation
import MuseCardTestSupport
import Testing

/// A support ticket in the real console over the embedded sandbox, in tmux: lock with a reason
/// and see why in the detail pane and the history, copy the card id with OSC 52, `:ticket` then `:open`.
@Suite(.serialized)
struct TicketEndToEndTests {
    let base = ConsoleSessionEndToEndTests()
    /// Käthe Müller: first card VC1000000001 ACTIVE.
    static let kaethe = "60004408"

    /// The detail pane side of every line, joined: wrapped values read as one text.
    func detailPane(_ screen: String) -> String {
        screen.split(separator: "\n").compactMap { line in
            line.split(separator: "│", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first.map { $0.trimmingCharacters(in: .whitespaces) }
        }.joined(separator: " ")
    }

    @Test func lockWithAReasonShowsItInTheDetailPaneAndTheHistory() throws {
        let session = try base.console(user: Self.kaethe)
        defer { session.kill() }
        try session.waitUntil("first card loaded") { $0.contains("VC1000000001") && $0.contains("ACTIVE") }
        try session.send("l")
        try session.waitFor("CUSTOMER_REQUEST")
        try session.send("right", "right", "right")
        try session.waitFor("FRAUD_SUSPECTED")
        try session.send("tab")
        try session.send("skimmed")
        try session.waitFor("skimmed")
        try session.send("enter")
        let confirm = try session.waitFor("Lock card?")
        #expect(confirm.contains("Reason: FRAUD_SUSPECTED: skimmed"))
        try session.send("y")
        var screen = try session.waitUntil("locked, with the reason in the pane") {
            $0.contains("ok, now LOCK") && detailPane($0).contains("Locked:") && detailPane($0).contains("FRAUD_SUSPECTED, SUP-1: skimmed")
        }
        #expect(!screen.contains("Lock card?"))

        try session.send("h")
        screen = try session.waitUntil("the history lists the lock") { $0.contains("History — VC1000000001") && $0.contains("FRAUD_SUSPECTED: skimmed") }
        let lockRow = try #require(screen.split(separator: "\n").first { $0.contains("FRAUD_SUSPECTED: skimmed") })
        #expect(lockRow.contains("SUP-1") && lockRow.contains("lock") && lockRow.contains("applied"))
        try session.send("esc")
        try session.waitUntil("history closed") { !$0.contains("History —") }

        // A fraud lock is sensitive: alone, the unlock asks for the last four digits and says why it was locked.
        try session.send("u")
        screen = try session.waitUntil("the unlock form") { $0.contains("Unlock card?") && $0.contains("Last four") }
        // The dialog wraps the line: its parts, in order.
        let why = try #require(screen.range(of: "Locked "), "the unlock confirmation says why it was locked")
        #expect(screen[why.upperBound...].contains("FRAUD_SUSPECTED, SUP-1:") && screen[why.upperBound...].contains("skimmed"))
        try session.send("esc", "q")
        try session.waitFor("[exited 0]")
    }

    @Test func yCopiesTheCardIdThroughOSC52() throws {
        let session = try base.console(user: Self.kaethe)
        defer { session.kill() }
        try session.setServerOption("set-clipboard", "on")
        try session.waitUntil("cards loaded") { $0.contains("VC1000000001") && $0.contains("ACTIVE") }
        try session.send("y")
        try session.waitFor("Copied card id VC1000000001 to the clipboard")
        var buffer: String?
        for _ in 0..<50 where buffer != "VC1000000001" {
            buffer = try session.newestBuffer()
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(buffer == "VC1000000001")
        try session.send("q")
        try session.waitFor("[exited 0]")
    }

    @Test func ticketThenOpenCarriesTheTicket() throws {
        let session = try base.console(user: Self.kaethe)
        defer { session.kill() }
        try session.waitUntil("cards loaded") { $0.contains("VC1000000001") && $0.contains("ACTIVE") }
        try session.send(":")
        try session.send("ticket SUP-2")
        try session.waitFor(":ticket SUP-2")
        try session.send("enter")
        try session.waitFor("ticket: SUP-2")
        try session.send(":")
        try session.send("open 60004409")
        try session.send("enter")
        let screen = try session.waitUntil("张伟 opened under SUP-2") { $0.contains("60004409") && $0.contains("ticket: SUP-2") && $0.contains("6407") }
        #expect(!screen.contains("SUP-1"))
        try session.send(":", "x", "enter")
        try session.waitFor("Unknown command :x")
        try session.send(":")
        try session.send("theme mono")
        try session.send("enter")
        try session.waitUntil("the theme applied") { $0.contains("Theme mono") && !$0.contains("Theme mono…") }
        try session.send(":")
        try session.send("theme nosuch")
        try session.send("enter")
        try session.waitFor("Theme nosuch not applied")
        try session.send("q")
        try session.waitFor("[exited 0]")
    }

    @Test func findKaetheByXidThenByPhoneAndOpenHerDeclinedTransaction() throws {
        let session = try TmuxSession([ConsoleSessionEndToEndTests.binary], columns: 120, rows: 40,
                                      environment: ["MUSECARD_THEMES_DIR": ConsoleSessionEndToEndTests.themes])
        defer { session.kill() }
        try session.waitUntil("the picker") { $0.contains("Open a cardholder") && $0.contains("Käthe Müller") }
        try session.send("X60004408")
        try session.send("enter")
        var screen = try session.waitUntil("found by user_xid") { $0.contains("Found for \"X60004408\"") && $0.contains("KYC PASSED") }
        #expect(screen.contains("Käthe Müller") && screen.contains("VC1000000001"))
        for _ in 0..<9 { try session.send("backspace") }
        try session.send("+49 151 12345678")
        try session.send("enter")
        screen = try session.waitUntil("found by phone") { $0.contains("Found for \"+49 151 12345678\"") && $0.contains("60004408") }
        #expect(screen.contains("Käthe Müller"))
        try session.send("enter")
        try session.waitUntil("her cards") { $0.contains("Käthe Müller (60004408)") && $0.contains("VC1000000001") && $0.contains("ACTIVE") }

        try session.send("t")
        screen = try session.waitUntil("the first page") { $0.contains("Transactions — VC1000000001") && $0.contains("50 transactions") }
        #expect(screen.contains("more below"))
        let declined = try #require(screen.split(separator: "\n").first { $0.contains("✗ DECLINED") })
        #expect(declined.contains("CHARGE"))
        try session.send("j", "j", "enter")
        screen = try session.waitFor("Decline reason: INSUFFICIENT_FUNDS")
        #expect(screen.contains("Transaction TX1000000001002"))
        try session.send("esc")
        try session.waitFor("50 transactions")

        // The page boundary: the end of the first page asks for the second.
        try session.send("G")
        screen = try session.waitFor("75 transactions")
        #expect(!screen.contains("more below"))
        // Only the declined ones, asked of the service.
        try session.send("f")
        screen = try session.waitUntil("declined only") { $0.contains("(DECLINED only)") && $0.contains("✗ DECLINED") && !$0.contains("Loading") }
        #expect(!screen.contains(" POSTED ") && !screen.contains(" PENDING "))
        try session.send("esc", "q")
        try session.waitFor("[exited 0]")
    }

    @Test func aMouseClickSelectsARow() throws {
        let session = try base.console(user: Self.kaethe)
        defer { session.kill() }
        try session.waitUntil("cards loaded") { $0.contains("1/4") && $0.contains("PENDING_ACTIVE") }
        // An X10 press and release of the left button on the third card row (screen row 5, 0-based).
        let row = 5, col = 4
        func report(_ button: Int) -> String {
            "\u{1B}[M" + String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(33 + col))) + String(UnicodeScalar(UInt8(33 + row)))
        }
        try session.send(report(0) + report(3))
        let screen = try session.waitUntil("the third card selected") { $0.contains("3/4") && detailPane($0).contains("VC1000000003") }
        #expect(!screen.contains("Unknown key"))
        try session.send("q")
        try session.waitFor("[exited 0]")
    }
}
