import Foundation
import MuseCardTestSupport
import Testing

/// The single agent's sensitive unlock in the real console over the embedded sandbox, in tmux:
/// a card locked as STOLEN unlocks only once the agent types its last four digits.
@Suite(.serialized)
struct LastFourEndToEndTests {
    let base = ConsoleSessionEndToEndTests()
    let ticket = TicketEndToEndTests()

    @Test func aStolenCardUnlocksOnlyWithItsLastFourDigits() throws {
        let session = try base.console(user: TicketEndToEndTests.kaethe)
        defer { session.kill() }
        let loaded = try session.waitUntil("the first card loaded") {
            $0.contains("VC1000000001") && $0.contains("ACTIVE") && ticket.detailPane($0).contains("Last 4:")
        }
        let pane = ticket.detailPane(loaded)
        let digits = try #require(pane.range(of: #"Last 4:\s+\d{4}"#, options: .regularExpression).map { String(pane[$0].suffix(4)) })
        let wrong = String(digits.dropLast()) + (digits.last == "9" ? "0" : "9")

        try session.send("l")
        try session.waitFor("CUSTOMER_REQUEST")
        try session.send("right", "right")
        try session.waitFor("‹ STOLEN ›")
        try session.send("enter")
        try session.waitFor("Lock card?")
        try session.send("y")
        try session.waitUntil("locked") { $0.contains("ok, now LOCK") && ticket.detailPane($0).contains("STOLEN") }

        try session.send("u")
        var screen = try session.waitUntil("asked for the last four") { $0.contains("Unlock card?") && $0.contains("Last four") }
        #expect(screen.contains("STOLEN") && screen.contains("by root"), "the lock's reason and operator are shown")
        try session.send(wrong)
        try session.send("enter")
        screen = try session.waitFor("does not match the card's last four digits")
        #expect(screen.contains("Last four"), "the form stays open")
        #expect(base.row(screen, digits).contains("LOCK"), "nothing was sent")

        try session.send("ctrl-u")
        try session.send(digits)
        try session.send("enter")
        screen = try session.waitUntil("unlocked") { $0.contains("unlock VC1000000001: ok, now ACTIVE") && !$0.contains("Last four") }
        try session.send("q")
        screen = try session.waitFor("[exited 0]")
        #expect(screen.contains("unlock VC1000000001: applied, now ACTIVE"))
        #expect(!screen.contains("not-sent"), "the wrong digits never left the form")
    }
}
