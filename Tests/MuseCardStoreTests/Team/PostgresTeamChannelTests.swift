import Foundation
@testable import MuseCardStore
import MuseCardTestSupport
import Testing

/// Live together: events by LISTEN/NOTIFY, who else has a cardholder open, and per-card locks.
struct PostgresTeamChannelTests {
    static func channel(_ rig: TeamRig, _ prefix: String, approver: Bool = false) async throws -> (String, PostgresTeamChannel, TeamDatabase) {
        let (name, database) = try await rig.person(prefix, approver: approver)
        let channel = try await PostgresTeamChannel.open(database: database, scope: rig.scope, sessionId: "console-\(name)")
        return (name, channel, database)
    }

    @Test func identityAndRoleAreTheDatabases() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (alice, agent, _) = try await Self.channel(rig, "alice")
        let (carol, approver, _) = try await Self.channel(rig, "carol", approver: true)
        #expect(agent.identity == alice && !agent.isApprover && agent.fourEyes)
        #expect(approver.identity == carol && approver.isApprover)
        await agent.close()
        await approver.close()
    }

    @Test func anotherConsolesChangeArrivesAsAnEvent() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (_, watcher, _) = try await Self.channel(rig, "bob")
        let events = watcher.events()
        let (_, writer) = try await rig.person("alice")
        // A row of another scope first: it must not arrive.
        try await PostgresAuditTrail(database: writer, scope: TeamScope(partnerId: "200001", environment: .production))
            .append(PostgresAuditTrailTests.entry("lock", card: "OTHER"))
        try await PostgresAuditTrail(database: writer, scope: rig.scope).append(PostgresAuditTrailTests.entry("lock", card: "C7"))
        let event = try await first(events, what: "the card change") { _ in true }
        #expect(event == .cardChanged(userId: "U1", cardId: "C7"))

        _ = try await PostgresApprovals(database: writer, scope: rig.scope, profile: "team", sessionId: "a")
            .requestApproval(userId: "U1", cardId: "C7", lockReason: "LOST", note: "n")
        _ = try await first(events, what: "the approvals change") { $0 == .approvalsChanged }
        await watcher.close()
    }

    @Test func viewersAreTheOtherConsolesOnTheCardholder() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (alice, a, _) = try await Self.channel(rig, "alice")
        let (bob, b, _) = try await Self.channel(rig, "bob")
        let aEvents = a.events()
        try await a.announceOpen(userId: "U1")
        #expect(try await a.viewers(of: "U1").isEmpty)
        try await b.announceOpen(userId: "U1")
        _ = try await first(aEvents, what: "bob opening U1") { $0 == .viewersChanged(userId: "U1") }
        #expect(try await a.viewers(of: "U1") == [bob])
        #expect(try await b.viewers(of: "U1") == [alice])
        try await b.announceOpen(userId: "U2")
        #expect(try await a.viewers(of: "U1").isEmpty)
        await b.close()
        #expect(try await a.viewers(of: "U2").isEmpty)
        await a.close()
    }

    @Test func aSecondLockerWaitsAndSeesTheCardBusy() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (alice, a, _) = try await Self.channel(rig, "alice")
        let (_, b, _) = try await Self.channel(rig, "bob")
        let bEvents = b.events()
        let (aInside, aEntered) = AsyncStream.makeStream(of: Void.self)
        let (release, releaseSignal) = AsyncStream.makeStream(of: Void.self)
        let order = Order()
        let holder = Task {
            try await a.withCardLock(userId: "U1", cardId: "C1") {
                aEntered.yield()
                for await _ in release { break }
                order.append("alice done")
            }
        }
        for await _ in aInside { break }
        _ = try await first(bEvents, what: "the busy mark") { $0 == .busyChanged(userId: "U1", cardId: "C1") }
        #expect(try await b.busyCards(of: "U1") == ["C1": alice])
        #expect(try await a.busyCards(of: "U1").isEmpty)
        let second = Task { try await b.withCardLock(userId: "U1", cardId: "C1") { order.append("bob inside") } }
        // Bob's lock waits on the server while Alice holds hers.
        try await Task.sleep(for: .milliseconds(500))
        #expect(order.items.isEmpty)
        releaseSignal.yield()
        try await holder.value
        try await second.value
        #expect(order.items == ["alice done", "bob inside"])
        #expect(try await b.busyCards(of: "U1").isEmpty)
        await a.close()
        await b.close()
    }

    @Test func aLockIsReleasedWhenTheBodyThrows() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (_, a, _) = try await Self.channel(rig, "alice")
        let (_, b, _) = try await Self.channel(rig, "bob")
        struct Boom: Error {}
        await #expect(throws: Boom.self) { try await a.withCardLock(userId: "U1", cardId: "C1") { throw Boom() } }
        #expect(try await b.busyCards(of: "U1").isEmpty)
        #expect(try await b.withCardLock(userId: "U1", cardId: "C1") { 42 } == 42)
        await a.close()
        await b.close()
    }

    @Test func aRequestExpiringIsAnnouncedThoughNoRowChanges() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (_, watcher, watcherDB) = try await Self.channel(rig, "carol", approver: true)
        let events = watcher.events()
        let (_, writer) = try await rig.person("bob")
        let asked = try await PostgresApprovals(database: writer, scope: rig.scope, profile: "team", sessionId: "b")
            .requestApproval(userId: "U1", cardId: "C1", lockReason: "LOST", note: "n")
        _ = try await first(events, what: "the request") { $0 == .approvalsChanged }
        // As if the request was made 15 minutes ago: one more NOTIFY for the update, then only time passes.
        try await rig.superSQL("UPDATE approvals SET expires_at = now() + interval '2 seconds' WHERE id = '\(asked.id)'")
        _ = try await first(events, what: "the superuser's update") { $0 == .approvalsChanged }
        let carol = PostgresApprovals(database: watcherDB, scope: rig.scope, profile: "team", sessionId: "c")
        _ = try await first(events, what: "the expiry") { $0 == .approvalsChanged }
        #expect(try await carol.approval(id: asked.id)?.state == .expired)
        #expect(try await carol.pendingApprovals().isEmpty)
        await watcher.close()
    }

    @Test func aCrashedConsolesBusyMarkIsClearedByTheNextLock() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (alice, _) = try await rig.person("alice")
        let (_, b, _) = try await Self.channel(rig, "bob")
        let scope = rig.scope.key
        // A console that took the lock, marked the card and died: psql exits without clearing its mark.
        let crashed = try await rig.psql(as: alice, """
            SELECT pg_advisory_lock(card_lock_key('\(scope)', 'C1'));
            SELECT mark_busy('\(scope)', 'U1', 'C1', 'alice-console', true);
            """)
        #expect(crashed.status == 0, "\(crashed.stderr)")
        #expect(try await rig.superSQL("SELECT count(*) FROM busy").contains("1"))
        #expect(try await b.busyCards(of: "U1").isEmpty, "a mark whose lock is gone is not shown")
        #expect(try await b.withCardLock(userId: "U1", cardId: "C2") { 7 } == 7)
        #expect(try await rig.superSQL("SELECT count(*) FROM busy").trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        // Nobody marks a card busy without holding its lock.
        let forged = try await rig.psql(as: alice, "SELECT mark_busy('\(scope)', 'U1', 'C3', 'alice-console', true)")
        #expect(forged.status != 0 && forged.stderr.contains("only while its lock is held"), "\(forged.stderr)")
        await b.close()
    }

    @Test func payloadsCarryIdsOnly() {
        let scope = "sandbox/200001"
        #expect(PostgresTeamChannel.event(#"{"k":"card","s":"sandbox/200001","u":"U1","c":"C1"}"#, scope: scope) == .cardChanged(userId: "U1", cardId: "C1"))
        #expect(PostgresTeamChannel.event(#"{"k":"card","s":"production/200001","u":"U1","c":"C1"}"#, scope: scope) == nil)
        #expect(PostgresTeamChannel.event("not json", scope: scope) == nil)
    }

    final class Order: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func append(_ item: String) { lock.withLock { list.append(item) } }
        var items: [String] { lock.withLock { list } }
    }
}
