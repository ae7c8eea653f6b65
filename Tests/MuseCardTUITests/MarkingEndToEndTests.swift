import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// The real console in tmux against a real sandbox: three cards marked with `space`, locked with
/// one reason and one confirmation, one lock each in the audit trail, all under one run id.
@Suite(.serialized)
struct MarkingEndToEndTests {
    typealias Rig = InFlightQuitEndToEndTests.Rig
    static let user = InFlightQuitEndToEndTests.user
    /// Käthe Müller's first three cards (ACTIVE, LOCK, PENDING_ACTIVE in the demo data), all ACTIVE after the setup.
    static let cards = ["VC1000000001", "VC1000000002", "VC1000000003"]
    /// Her CANCELED card: listed, never marked, never sent.
    static let canceled = "VC1000000004"
    static let statuses: Set<String> = ["ACTIVE", "LOCK", "CANCELED", "PENDING_ACTIVE", "SUSPENDED"]

    struct Seen: Sendable {
        var marked = ""
        var form = ""
        var question = ""
        var locked = ""
        var final = ""
        var intents: [JSONValue] = []
        var results: [JSONValue] = []
        var answered = 0
    }

    @Test func threeMarkedCardsAreLockedWithOneConfirmationAndOneAuditedLockEach() async throws {
        let seen = try await SandboxProcess.offPool { try Self.scenario() }
        #expect(Self.rows(seen.marked).filter(\.marked).map(\.status) == ["ACTIVE", "ACTIVE", "ACTIVE"], "\(seen.marked)")
        #expect(seen.marked.contains("3 marked"), "the top bar counts the marks")
        #expect(seen.form.contains("Lock 3 marked cards") && seen.form.contains("STOLEN"), "\(seen.form)")
        #expect(seen.question.contains("Lock 3 marked cards of 60004408?"), "\(seen.question)")
        #expect(seen.question.contains("Reason: STOLEN"))
        #expect(Self.rows(seen.locked).map(\.status) == ["LOCK", "LOCK", "LOCK", "CANCELED"], "\(seen.locked)")
        #expect(seen.locked.contains("Locked 3"), "one flash for the three: \(seen.locked)")
        #expect(seen.final.contains("[exited 0]"), "\(seen.final)")
        #expect(seen.answered == 3, "three lock requests reached the sandbox")
        #expect(seen.intents.compactMap { $0["card_id"]?.scalarText }.sorted() == Self.cards, "one intent per card")
        #expect(seen.results.compactMap { $0["card_id"]?.scalarText }.sorted() == Self.cards, "one result per card")
        #expect(seen.results.allSatisfy { $0["outcome"] == "applied" })
        #expect(seen.intents.allSatisfy { $0["parameters"]?["lock_reason"] == "STOLEN" && $0["ticket"] == "SUP-7" })
        #expect(Set(seen.intents.compactMap { $0["operation_id"]?.scalarText }) == Set(seen.results.compactMap { $0["operation_id"]?.scalarText }))
        let runIds = (seen.intents + seen.results).map { $0["run_id"]?.scalarText }
        #expect(runIds.count == 6 && Set(runIds).count == 1 && runIds.first??.hasPrefix("run-") == true,
                "one confirmation, one run id on all six lines: \(runIds)")
    }

    static func scenario() throws -> Seen {
        let rig = try Rig(latency: [:])
        defer { rig.stop() }
        // The locked and the waiting card are made ACTIVE first, so three cards can be locked.
        for arguments in [["card", "unlock", "--user", user, "--card", cards[1]], ["card", "activate", "--user", user, "--card", cards[2]],
                          ["cards", "add", "--user", user, "--card", cards[1]], ["cards", "add", "--user", user, "--card", cards[2]],
                          ["cards", "add", "--user", user, "--card", canceled]] {
            let result = try rig.cli(arguments)
            guard result.status == 0 else { throw ProcessFailure(description: "\(arguments.joined(separator: " ")) failed: \(result.stderr)") }
        }
        var seen = Seen()
        let session = try rig.console()
        try session.waitUntil("three ACTIVE cards and the CANCELED one") { rows($0).map(\.status) == ["ACTIVE", "ACTIVE", "ACTIVE", "CANCELED"] }
        try session.send("g", "space", "space", "space")
        seen.marked = try session.waitUntil("three rows marked") { screen in rows(screen).filter(\.marked).count == 3 && screen.contains("3 marked") }
        try session.send("l")
        seen.form = try session.waitFor("CUSTOMER_REQUEST")
        try session.send("right", "right")
        seen.form = try session.waitFor("STOLEN")
        try session.send("enter")
        seen.question = try session.waitUntil("one confirmation for the three") { $0.contains("Lock 3 marked cards?") && $0.contains("[ Cancel ]") }
        try session.send("tab")
        try session.waitFor("[ Lock 3 cards ]")
        try session.send("enter")
        seen.locked = try session.waitUntil("three rows LOCK") { rows($0).map(\.status) == ["LOCK", "LOCK", "LOCK", "CANCELED"] && $0.contains("Locked 3") }
        try session.send("q")
        seen.final = try session.waitFor("[exited ")
        seen.intents = rig.lines("intent", "lock")
        seen.results = rig.lines("result", "lock")
        seen.answered = try rig.sandbox.answered("/v1/card/lock")
        return seen
    }

    /// The card rows as a person reads them: status, and whether the row carries the mark.
    static func rows(_ screen: String) -> [(marked: Bool, status: String)] {
        screen.split(separator: "\n").compactMap { line in
            // Only the list side of each line (the detail pane follows the separator).
            let list = String(line.split(separator: "│", omittingEmptySubsequences: false).first ?? "")
            let words = list.split(separator: " ").map(String.init)
            guard let index = words.prefix(2).firstIndex(where: statuses.contains) else { return nil }
            return (words[..<index].contains { $0.contains("✓") }, words[index])
        }
    }
}
