import Foundation
import MuseCardTestSupport
import Testing

/// The README's "first minutes" exactly as written: `musecard` alone, pick the demo cardholder,
/// lock a card with `l` ⏎ `y`, see it locked, unlock with `u` `y`, quit with `q`.
@Suite(.serialized)
struct ReadmeWalkthroughTests {
    static let binary = Fixtures.productsFolder.appendingPathComponent("musecard").path

    /// The list side of the line that shows `cardId`'s row.
    func row(_ screen: String, _ last4: String) -> String {
        let lists = screen.split(separator: "\n").map { String($0.split(separator: "│", omittingEmptySubsequences: false).first ?? "") }
        return lists.first { $0.contains(" \(last4) ") } ?? ""
    }

    static let environment = ["MUSECARD_THEMES_DIR": Fixtures.root.appendingPathComponent("themes").path]

    @Test func theReadmeWalkthroughWorksOnAFreshHome() throws {
        let session = try TmuxSession([Self.binary], columns: 120, rows: 40, environment: Self.environment)
        defer { session.kill() }
        try walk(session)
    }

    /// The second run in the same HOME: the cache remembers the first (Käthe opened last, a card
    /// replaced), the embedded sandbox does not; Enter must still open Käthe and show her four cards.
    @Test func theReadmeWalkthroughHoldsOnASecondRunInTheSameHome() throws {
        let home = Fixtures.scratchPath("musecard-home-twice")
        defer { try? FileManager.default.removeItem(at: home) }
        do {
            let first = try TmuxSession([Self.binary], columns: 80, rows: 24, environment: Self.environment, home: home)
            defer { first.kill() }
            try walk(first, replacingTheLockedCard: true)
        }
        let second = try TmuxSession([Self.binary], columns: 120, rows: 40, environment: Self.environment, home: home)
        defer { second.kill() }
        try walk(second)
    }

    /// The README's steps; optionally a replace before quitting, which leaves a card the next
    /// embedded sandbox will not know.
    func walk(_ session: TmuxSession, replacingTheLockedCard: Bool = false) throws {
        // The picker opens at once and fills in when the known cardholders have been read.
        var screen = try session.waitUntil("the picker lists the demo cardholders") {
            $0.contains("Open a cardholder") && $0.contains("Käthe Müller")
        }
        #expect(screen.contains("SANDBOX — demo data"))
        #expect(!screen.contains("Loading known cardholders"))
        try session.send("enter")
        screen = try session.waitUntil("Käthe's cards loaded") {
            $0.contains("Käthe Müller (60004408)") && $0.contains("PENDING_ACTIVE") && $0.contains("Cards (4)")
        }
        let loaded = try session.waitUntil("every row answered") { !$0.contains("⟳") }
        #expect(!loaded.contains("ORDER_NOT_EXIST") && !loaded.contains("✗ "), "no stale rows from an earlier run:\n\(loaded)")
        let last4 = try #require(screen.split(separator: "\n").first { $0.contains("Last 4:") }?.split(separator: " ").last.map(String.init))
        #expect(row(screen, last4).contains("ACTIVE"))

        try session.send("l")
        try session.waitFor("CUSTOMER_REQUEST")
        try session.send("enter")
        try session.waitFor("Lock card?")
        try session.send("y")
        screen = try session.waitFor("lock VC1000000001: ok, now LOCK")
        #expect(row(screen, last4).contains("LOCK"))

        try session.send("u")
        try session.waitFor("Unlock card?")
        try session.send("y")
        screen = try session.waitUntil("unlocked") { row($0, last4).contains("ACTIVE") && $0.contains("unlock VC1000000001: ok") }

        if replacingTheLockedCard {
            // VC1000000002 is LOCK: the menu opens on its first row; replace is the eighth.
            try session.send("j", "a")
            try session.waitFor("Actions — VC1000000002")
            try session.send("j", "j", "j", "j", "j", "j", "j", "enter")
            try session.waitFor("Replace card — VC1000000002")
            try session.send("enter")
            try session.waitFor("Replace card?")
            try session.send("y")
            try session.waitFor("Replaced VC1000000002 by")
        }

        try session.send("q")
        screen = try session.waitFor("[exited 0]")
        #expect(screen.contains("Cardholder 60004408 (Käthe Müller)"))
        // The reason makes the line long enough to wrap in a narrow window.
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains("lock VC1000000001 (lock_reason=CUSTOMER_REQUEST): applied, now LOCK"))
        #expect(screen.contains("unlock VC1000000001: applied, now ACTIVE"))
        #expect(screen.contains("Cards now: VC1000000001 ACTIVE"))
    }
}
