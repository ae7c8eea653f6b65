import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// The team store going away under the real binary: the agent reaches PostgreSQL through a relay
/// the test closes and opens again. While it is closed the CLI answers reads from the local copy and
/// sends no change, and the console opens from the local copy, says so, and refuses a lock; once
/// the relay is open again the console recovers by itself and the lock goes through; lost again while
/// the console is open, the loss shows at once and the console comes back once more.
@Suite(.serialized)
struct TeamStoreAwayEndToEndTests {
    let team = TeamEndToEndTests()
    static let card = TeamConsoleRig.card
    static let user = TeamConsoleRig.user

    @Test func withoutTheTeamStoreTheLocalCopyShowsAndNothingChangesUntilItIsBack() async throws {
        let rig = try await TeamConsoleRig.make()
        defer { rig.stop() }
        try await SandboxProcess.offPool { try scenario(rig) }
    }

    private func scenario(_ rig: TeamConsoleRig) throws {
        let relay = try TCPRelay(target: rig.cluster.port)
        defer { relay.shut() }
        let role = try rig.initTeam(agents: ["dora"], approvers: [])[0].role
        let password = try String(contentsOf: rig.root.appendingPathComponent(role).appendingPathComponent("db.password"), encoding: .utf8)
            .trimmingCharacters(in: .newlines)
        let dora = try rig.member(role, password: password, port: relay.port)
        // Noted while the store answers: in the team index, and in the local copy behind it.
        let added = try rig.cli(dora, ["cards", "add", "--user", Self.user, "--card", Self.card])
        #expect(added.status == 0, "cards add: \(added.stderr)")

        relay.shut()
        let list = try rig.cli(dora, ["cards", "list", "--user", Self.user])
        #expect(list.status == 0 && list.stdout.contains(Self.card), "reads answer from the local copy: \(list.stdout) \(list.stderr)")
        #expect(list.stderr.contains("warning") && list.stderr.contains("unreachable"), "\(list.stderr)")
        let locksBefore = try rig.sandbox.answered("/v1/card/lock")
        let lock = try rig.cli(dora, ["card", "lock", "--user", Self.user, "--card", Self.card])
        #expect(lock.status == 69, "a change with the team store away: \(lock.status) \(lock.stderr)")
        #expect(lock.stderr.contains("nothing was sent"), "\(lock.stderr)")
        let info = try rig.cli(dora, ["info"])
        #expect(info.stdout.contains("Team store") && info.stdout.contains("UNREACHABLE"), "\(info.stdout)")
        #expect(!info.stdout.contains(password), "info never shows the password")

        let console = try rig.console(dora)
        // The top bar and the notice say why; the card comes from the local copy (and MusePay).
        try console.waitUntil("the local copy, marked unreachable", timeout: 60) {
            team.topBar($0).contains("TEAM STORE UNREACHABLE") && team.base.row($0, team.last4($0)).contains("ACTIVE")
                && $0.contains("Team store unreachable — showing the local last-known copy")
        }
        try console.send("l")
        try console.waitFor("Cannot lock: team store unreachable")
        try console.keeps("no lock is asked for", for: 2) { !$0.contains("Lock card?") && !$0.contains("CUSTOMER_REQUEST") }
        #expect(try rig.sandbox.answered("/v1/card/lock") == locksBefore, "nothing reached MusePay")

        // The store is back: the console notices by itself and allows the change again.
        try relay.open()
        try console.waitUntil("recovered", timeout: 90) { !team.topBar($0).contains("UNREACHABLE") }
        try console.send("l")
        try console.waitFor("CUSTOMER_REQUEST")
        try console.send("enter")
        try console.waitFor("Lock card?")
        try console.send("y")
        try console.waitUntil("locked", timeout: 60) { $0.contains("ok, now LOCK") }

        // Lost while the console is open: it notices without being asked, and comes back again.
        relay.shut()
        try console.waitUntil("the loss noticed", timeout: 60) { team.topBar($0).contains("TEAM STORE UNREACHABLE") }
        try console.send("u")
        try console.waitFor("Cannot unlock: team store unreachable")
        try relay.open()
        try console.waitUntil("recovered again", timeout: 90) { !team.topBar($0).contains("UNREACHABLE") }
        try console.send("u")
        try console.waitFor("Unlock card?")
        try console.send("y")
        try console.waitUntil("unlocked", timeout: 60) { $0.contains("ok, now ACTIVE") }
        let audit = try rig.psql(as: rig.cluster.superuser,
                                 "SELECT operator || ' ' || action || ' ' || outcome FROM audit WHERE card_id = '\(Self.card)' AND phase = 'result' ORDER BY id")
        #expect(audit.stdout.split(separator: "\n") == ["\(role) lock applied", "\(role) unlock applied"], "\(audit.stdout)\(audit.stderr)")
    }
}
