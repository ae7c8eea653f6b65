import Foundation
import MuseCardKit
@testable import MuseCardStore
import MuseCardTestSupport
import Testing

/// The team store as a process reaches it: a link opened while the server is away (a relay the test
/// closes) is stale, fails every call at once and answers reads from the local copy behind it; once the
/// relay opens, the link connects by itself and its events flow. Real PostgreSQL throughout.
@Suite(.serialized)
struct TeamLinkTests {
    /// Polls `condition` every 100 ms; fails after a generous `seconds` (the machine may be loaded).
    func until(_ what: String, seconds: Double = 60, _ condition: () async -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("timed out after \(Int(seconds)) s waiting for \(what)")
        throw CancellationError()
    }

    func settings(_ rig: TeamRig, role: String, port: Int) throws -> TeamStoreSettings {
        try TeamStoreSettings(url: "postgres://\(role)@127.0.0.1:\(port)/\(rig.database)?sslmode=disable",
                              passwordFile: rig.cluster.passwordFile(for: role), environment: [:])
    }

    @Test func aLinkOpenedWhileTheServerIsAwayServesTheLocalCopyAndConnectsByItselfWhenItIsBack() async throws {
        let rig = try await TeamRig.make()
        let role = try await rig.login("lina")
        let relay = try TCPRelay(target: rig.cluster.port)
        defer { relay.shut() }
        relay.shut()
        let link = try await TeamLink.open(try settings(rig, role: role, port: relay.port), scope: rig.scope, profile: "team",
                                           sessionId: "S-lina", environment: [:])
        #expect(!link.isConnected)
        #expect(link.staleness.reason?.hasPrefix(TeamLink.unreachable) == true)
        #expect(link.identity == role, "before the server answers, the identity is the URL's user")
        #expect(!link.isApprover)

        // Reads come from the local copy; a change the team audit cannot record fails at once.
        let local = InMemoryCardCache()
        await local.addCard(userId: "U1", cardId: "C1", at: Date())
        let cache = MirroredCardCache(primary: LinkedCardCache(link), local: local, staleness: link.staleness)
        #expect(try await cache.cards(of: "U1").map(\.cardId) == ["C1"])
        await #expect(throws: TeamDatabaseError.self) { try await cache.addCard(userId: "U1", cardId: "C2", at: Date()) }
        let entry = AuditEntry(time: Date(), operatorName: "ignored", sessionId: "S-lina", profile: "team", userId: "U1", cardId: "C1",
                               action: "lock", parameters: [:], phase: .intent, outcome: nil)
        await #expect(throws: TeamDatabaseError.self) { try await LinkedAuditTrail(link).append(entry) }

        let events = link.events()
        let heard = Task { () -> TeamEvent? in
            for await event in events { if case .cardChanged = event { return event } }
            return nil
        }
        try relay.open()
        link.keepTrying(every: .milliseconds(200))
        try await until("the link connected and fresh") { link.isConnected && !link.staleness.isStale }
        #expect(link.identity == role)

        // Now the team store answers: the index is shared and changes are heard.
        try await cache.addCard(userId: "U1", cardId: "C2", at: Date())
        #expect(try await LinkedCardCache(link).cards(of: "U1").map(\.cardId) == ["C2"], "only what reached the team store is the team's")
        try await LinkedAuditTrail(link).append(entry)
        try await LinkedAuditTrail(link).append(AuditEntry(time: Date(), operatorName: "ignored", sessionId: "S-lina", profile: "team",
                                                           userId: "U1", cardId: "C1", action: "lock", parameters: [:], phase: .result,
                                                           outcome: .applied))
        let event = try await withThrowingTaskGroup(of: TeamEvent?.self) { group in
            group.addTask { await heard.value }
            group.addTask {
                try await Task.sleep(for: .seconds(30))
                heard.cancel()
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        #expect(event == .cardChanged(userId: "U1", cardId: "C1"), "the link's stream carries the channel's events once connected")
        let written = try await LinkedAuditTrail(link).entries(matching: AuditFilter(cardId: "C1"))
        #expect(written.map(\.operatorName) == [role, role], "the server stamps who wrote it")
        await link.close()
    }

    @Test func aLinkThatLosesTheServerGoesStaleAndComesBack() async throws {
        let rig = try await TeamRig.make()
        let role = try await rig.login("lars")
        let relay = try TCPRelay(target: rig.cluster.port)
        defer { relay.shut() }
        let link = try await TeamLink.open(try settings(rig, role: role, port: relay.port), scope: rig.scope, profile: "team",
                                           sessionId: "S-lars", environment: [:])
        #expect(link.isConnected && !link.staleness.isStale)
        link.keepTrying(every: .milliseconds(200))
        relay.shut()
        // The next call finds the connection gone.
        try await until("a call notices the server is gone") {
            _ = try? await LinkedCardCache(link).cards(of: "U1")
            return link.staleness.isStale
        }
        try relay.open()
        try await until("fresh again", seconds: 120) { !link.staleness.isStale }
        #expect(try await LinkedCardCache(link).cards(of: "U1").isEmpty)
        await link.close()
    }

    @Test func aBadSettingOrAnUnmigratedSchemaIsAnErrorNotStaleness() async throws {
        let rig = try await TeamRig.make(migrated: false)
        let role = try await rig.login("leni", agent: false)
        await #expect(throws: TeamLinkError.schemaBehind(found: 0, needed: TeamMigrations.latest)) {
            _ = try await TeamLink.open(try settings(rig, role: role, port: rig.cluster.port), scope: rig.scope, profile: "team",
                                        sessionId: "S-leni", environment: [:])
        }
        let missing = try TeamStoreSettings(url: "postgres://\(role)@127.0.0.1:\(rig.cluster.port)/\(rig.database)?sslmode=disable",
                                            passwordFile: "/nonexistent/password", environment: [:])
        await #expect(throws: TeamDatabaseError.self) {
            _ = try await TeamLink.open(missing, scope: rig.scope, profile: "team", sessionId: "S-leni", environment: [:])
        }
    }
}
