import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// Three real consoles in tmux on one real PostgreSQL and one real sandbox: agent A locks a card for
/// fraud, agent B sees it without refreshing, asks to unlock, approver C approves, B unlocks; the team
/// audit names each of them as the database knows them, and the database refuses B's own approval.
@Suite(.serialized)
struct TeamEndToEndTests {
    let base = ConsoleSessionEndToEndTests()
    let ticket = TicketEndToEndTests()
    static let card = TeamConsoleRig.card

    @Test func aFraudLockIsUnlockedByASecondAgentOnceAnApproverSaysYes() async throws {
        let rig = try await TeamConsoleRig.make()
        defer { rig.stop() }
        try await SandboxProcess.offPool { try scenario(rig) }
    }

    private func scenario(_ rig: TeamConsoleRig) throws {
        let members = try rig.initTeam(agents: ["anna", "bob"], approvers: ["carol"])
        let (a, b, c) = (members[0], members[1], members[2])
        // The index is the team's: A notes the card once, B and C see it.
        let added = try rig.cli(a, ["cards", "add", "--user", TeamConsoleRig.user, "--card", Self.card])
        #expect(added.status == 0, "cards add: \(added.stderr)")

        let info = try rig.cli(c, ["info"])
        #expect(info.status == 0 && info.stdout.contains("Team store"), "info: \(info.stdout) \(info.stderr)")
        #expect(info.stdout.contains("\(c.role) (musecard_approver)") && info.stdout.contains("four-eyes           on"), "\(info.stdout)")
        #expect(info.stdout.contains(rig.cluster.url(for: c.role, database: rig.database)), "the URL, which holds no password")
        let anna = try rig.console(a), bob = try rig.console(b), carol = try rig.console(c)
        for session in [anna, bob, carol] {
            try session.waitUntil("the card loaded") { $0.contains(Self.card) && base.row($0, last4($0)).contains("ACTIVE") }
        }
        // Who else is here, in the top bar.
        try anna.waitUntil("B and C seen with the cardholder open", timeout: 60) { topBar($0).contains(b.role) && topBar($0).contains(c.role) }

        // A's lock takes a while at MusePay: meanwhile B sees the card busy.
        try rig.sandbox.setFaults("{\"paths\":{\"/v1/card/lock\":{\"latency_ms\":6000}}}")
        try anna.send("l")
        try anna.waitFor("CUSTOMER_REQUEST")
        try anna.send("right", "right", "right")
        try anna.waitFor("FRAUD_SUSPECTED")
        try anna.send("tab")
        try anna.send("skimmed at a fuel station")
        try anna.waitFor("skimmed at a fuel station")
        try anna.send("enter")
        try anna.waitFor("Lock card?")
        try anna.send("y")
        var screen = try bob.waitUntil("B sees A's change in flight", timeout: 60) {
            ticket.detailPane($0).contains("\(a.role) is changing this card")
        }
        #expect(base.row(screen, last4(screen)).contains("ACTIVE"), "busy while in flight, not yet locked")
        try anna.waitUntil("A's lock applied", timeout: 60) { $0.contains("ok, now LOCK") }
        let locked = Date()
        // B never presses refresh (and has no auto-refresh): the team store's event brings the lock.
        screen = try bob.waitUntil("B's console shows the lock and why", timeout: 60) {
            base.row($0, last4($0)).contains("LOCK") && ticket.detailPane($0).contains("FRAUD_SUSPECTED")
                && !ticket.detailPane($0).contains("is changing this card")
        }
        print("team e2e: B saw A's lock \(String(format: "%.1f", Date().timeIntervalSince(locked))) s after A's screen said so")
        #expect(ticket.detailPane(screen).contains("by \(a.role)"), "the lock names A as the database knows A")
        try rig.sandbox.setFaults("{}")

        // B's unlock asks for a second person.
        try bob.send("u")
        try bob.waitUntil("B is asked for approval") { $0.contains("Ask for approval") && $0.contains("Note") }
        try bob.send("customer has the card at home")
        try bob.waitFor("customer has the card at home")
        try bob.send("enter")
        try bob.waitFor("waiting for an approver", timeout: 60)
        let id = try pendingRequest(rig, as: b)

        // B approving their own request, straight through psql as B: the database refuses.
        let own = try rig.psql(as: b.role, "SELECT id FROM approve_approval('\(id)', 'my own', 'psql', 'psql')")
        #expect(own.status != 0, "the database let B approve B's own request: \(own.stdout)")
        #expect(own.stderr.contains("the requester cannot decide their own request"), "psql says why: \(own.stderr)")
        #expect(try rig.psql(as: b.role, "SELECT state FROM approvals WHERE id = '\(id)'").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "pending")

        // C sees the badge and the request, and approves.
        try carol.waitUntil("C's badge", timeout: 60) { topBar($0).contains("1 to approve") }
        try carol.send("A")
        screen = try carol.waitUntil("C's approvals list") { $0.contains("Approvals — 1 waiting") && $0.contains("customer has the card at home") }
        #expect(screen.contains(b.role) && screen.contains("FRAUD_SUSPECTED"))
        try carol.send("Y")
        try carol.waitFor("Approve unlock?")
        try carol.send("y")
        try carol.waitFor("Approved \(b.role)'s unlock of card \(Self.card)", timeout: 60)

        // B hears the answer and unlocks once.
        try bob.waitUntil("B told of the approval", timeout: 60) { $0.contains("approved by \(c.role)") }
        try bob.send("u")
        screen = try bob.waitUntil("the approved unlock's confirmation") { $0.contains("Unlock card?") && $0.contains("Approved by \(c.role)") }
        try bob.send("y")
        screen = try bob.waitUntil("unlocked on B's screen", timeout: 60) {
            $0.contains("unlock \(Self.card): ok, now ACTIVE") && base.row($0, last4($0)).contains("ACTIVE")
        }
        try anna.waitUntil("A's console follows", timeout: 60) { base.row($0, last4($0)).contains("ACTIVE") }

        // The team audit, through the real binary: each step by its person, as the database stamped them.
        let audit = try rig.cli(c, ["audit", "--card", Self.card, "--json"])
        #expect(audit.status == 0, "audit: \(audit.stderr)")
        let results = audit.stdout.split(separator: "\n").compactMap { try? JSONParser.parse(String($0)) }
            .filter { $0["type"]?.scalarText == "result" }
        let steps = results.map { "\($0["action"]?.scalarText ?? "?") by \($0["operator"]?.scalarText ?? "?")" }
        #expect(steps == ["lock by \(a.role)", "request-approval by \(b.role)", "approve by \(c.role)", "unlock by \(b.role)"],
                "audit: \(audit.stdout)")
        let unlock = results.last
        #expect(unlock?["parameters"]?["approved_by"]?.scalarText == c.role && unlock?["parameters"]?["approval_id"]?.scalarText == id)
        #expect(!audit.stdout.contains("impostor"), "the name the agent set is not what the team audit says")
        let table = try rig.cli(a, ["audit", "--card", Self.card])
        #expect(table.status == 0 && table.stdout.contains("request-approval") && table.stdout.contains(c.role), "\(table.stdout)")
    }

    /// The id of B's pending request for the card, read as B (agents may read approvals).
    private func pendingRequest(_ rig: TeamConsoleRig, as member: TeamConsoleRig.Member) throws -> String {
        let result = try rig.psql(as: member.role, "SELECT id FROM approvals WHERE card_id = '\(Self.card)' AND state = 'pending'")
        let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0, !id.isEmpty, !id.contains("\n") else {
            throw ProcessFailure(description: "no single pending request: \(result.stdout) \(result.stderr)")
        }
        return id
    }

    /// The first line of the screen: the top bar.
    func topBar(_ screen: String) -> String { screen.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? "" }

    /// The card's last four digits, from the detail pane (`Last 4:`), or a pattern that matches no row.
    func last4(_ screen: String) -> String {
        let pane = ticket.detailPane(screen)
        return pane.range(of: #"Last 4:\s+\d{4}"#, options: .regularExpression).map { String(pane[$0].suffix(4)) } ?? "----"
    }
}
