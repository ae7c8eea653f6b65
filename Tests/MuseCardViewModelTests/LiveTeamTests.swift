import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardSandbox
import MuseCardStore
import MuseCardTestSupport
@testable import MuseCardViewModel
import Testing

/// Three consoles on one team store (in memory) over the real sandbox: Anna locks a card for
/// fraud, Bob sees it, asks to unlock, Carol approves, Bob unlocks; the audit has both names.
@Suite(.serialized)
struct LiveTeamTests {
    static let kaethe = "60004408"
    static let card = "VC1000000001"

    struct Team {
        let server: SandboxServer
        let client: MusePayClient
        let board = InMemoryTeamBoard()
        let audit = InMemoryAuditSink()
        let cache = InMemoryCardCache()

        func member(_ name: String, approver: Bool = false) -> ConsoleRuntime {
            let team = TeamServices(approvals: board.approvals(identity: name, isApprover: approver),
                                    channel: board.channel(identity: name, isApprover: approver))
            let session = SessionInfo(sessionId: "S-\(name)", operatorName: name, profile: "team", environment: "SANDBOX", startedAt: Date(),
                                      team: TeamSession(identity: name, isApprover: approver))
            let context = OperationContext(operatorName: name, sessionId: session.sessionId, profile: "team", readOnly: false)
            let operations = CardOperations(service: client, audit: audit, journal: InMemoryJournal(), cache: cache, context: context, team: team)
            let runtime = ConsoleRuntime(state: ConsoleState(session: session),
                                         runner: LiveEffectRunner(environment: ConsoleEnvironment(operations: operations, cache: cache, session: session)))
            runtime.send(.startTeam)
            runtime.send(.openCardholder(userId: LiveTeamTests.kaethe, label: "Käthe Müller", ticket: "SUP-\(name)"))
            return runtime
        }
    }

    /// Waits until `condition` holds on `runtime`'s state; fails with its flash after a generous timeout.
    func eventually(_ runtime: ConsoleRuntime, _ what: String, _ condition: (ConsoleState) -> Bool) async throws {
        for _ in 0..<1200 {
            if condition(runtime.state) { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        Issue.record("timed out waiting for \(what); flash: \(String(describing: runtime.state.ui.flash))")
        throw CancellationError()
    }

    func keys(_ runtime: ConsoleRuntime, _ names: String...) { names.forEach { runtime.send(.keyPressed($0)) } }
    func type(_ runtime: ConsoleRuntime, _ text: String) { text.forEach { runtime.send(.keyPressed($0 == " " ? "space" : String($0))) } }

    @Test func aFraudLockIsUnlockedByASecondAgentOnceAnApproverSaysYes() async throws {
        let server = try await SandboxServer.start(SandboxOptions())
        let team = Team(server: server, client: MusePayClient(configuration: try server.demoClientConfiguration()))
        defer { Task { await team.client.shutdown(); await server.stop() } }
        for holder in DemoData.cardholders where holder.userId == Self.kaethe {
            for id in holder.cardIds { await team.cache.addCard(userId: holder.userId, cardId: id, at: Date()) }
        }
        let anna = team.member("anna"), bob = team.member("bob"), carol = team.member("carol", approver: true)
        for runtime in [anna, bob] {
            try await eventually(runtime, "the card loaded") { $0.data.card(Self.card)?.status == .active }
        }
        try await eventually(bob, "anna and carol seen with the cardholder open") { $0.data.team.viewers == ["anna", "carol"] }

        keys(anna, "g", "l", "right", "right", "right", "tab")
        type(anna, "skimmed at a fuel station")
        keys(anna, "enter", "y")
        try await eventually(bob, "bob's console shows the lock and why") {
            $0.data.card(Self.card)?.status == .locked && $0.data.card(Self.card)?.lastLock?.reason?.code == .fraudSuspected
        }

        keys(bob, "g", "u")
        guard case .form(let form)? = bob.state.ui.modal, form.kind == .requestApproval(cardId: Self.card) else {
            Issue.record("bob's unlock did not ask for approval: \(String(describing: bob.state.ui.modal))"); return
        }
        type(bob, "customer has the card at home")
        keys(bob, "enter")
        try await eventually(bob, "the request waiting") { $0.data.team.requests[Self.card]?.state == .pending }
        try await eventually(carol, "carol's badge") { ScreenBuilder().screen($0, now: Date(), listHeight: 10).topBar.approvals == 1 }

        keys(carol, "A")
        try await eventually(carol, "the list with the card's history") {
            guard case .approvals(let list)? = $0.ui.modal else { return false }
            return list.history?.contains { $0.first.action == "lock" } == true
        }
        keys(carol, "Y", "y")
        try await eventually(carol, "approved") { $0.ui.flash?.text.hasPrefix("Approved bob's unlock of card \(Self.card)") == true }
        try await eventually(bob, "bob told of the approval") {
            $0.data.team.requests[Self.card]?.state == .approved && $0.ui.flash?.text.contains("approved by carol") == true
        }

        keys(bob, "u", "y")
        try await eventually(bob, "unlocked") { $0.data.card(Self.card)?.status == .active && $0.data.changesInFlight == 0 }
        try await eventually(anna, "anna's console follows") { $0.data.card(Self.card)?.status == .active }
        let results = await team.audit.entries.filter { $0.phase == .result && $0.cardId == Self.card }
        #expect(results.map(\.action) == ["lock", "unlock"])
        #expect(results.map(\.operatorName) == ["anna", "bob"])
        #expect(results[0].parameters["lock_reason"] == "FRAUD_SUSPECTED")
        #expect(results[1].parameters["approved_by"] == "carol" && results[1].parameters["approval_id"] != nil)
        #expect(results[1].outcome == .applied)
    }

    @Test func theConsoleFollowsTheStoresStalenessAndGreysEveryChange() async throws {
        let board = InMemoryTeamBoard()
        let staleness = StoreStaleness()
        let team = TeamServices(approvals: board.approvals(identity: "bob", isApprover: false), channel: board.channel(identity: "bob", isApprover: false))
        let session = SessionInfo(sessionId: "S", operatorName: "bob", profile: "team", environment: "SANDBOX", startedAt: Date(),
                                  team: TeamSession(identity: "bob", isApprover: false))
        let cache = InMemoryCardCache()
        let operations = CardOperations(service: FakeCardService(), audit: InMemoryAuditSink(), journal: nil, cache: cache,
                                        context: OperationContext(operatorName: "bob", sessionId: "S", profile: "team", readOnly: false), team: team)
        let env = ConsoleEnvironment(operations: operations, cache: cache, session: session, staleness: staleness)
        let runtime = ConsoleRuntime(state: ConsoleState(session: session), runner: LiveEffectRunner(environment: env))
        runtime.send(.startTeam)
        try await eventually(runtime, "the channel's first answer") { !$0.data.team.storeStale }
        staleness.set("connection refused")
        try await eventually(runtime, "stale") { $0.data.team.storeStale }
        #expect(ActionAvailability.whyNot(.lockAll, in: runtime.state) == ActionAvailability.storeStale)
        staleness.set(nil)
        try await eventually(runtime, "back") { !$0.data.team.storeStale }
    }
}
