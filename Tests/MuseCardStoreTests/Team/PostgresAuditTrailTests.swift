import Foundation
import MuseCardStore
import MuseCardTestSupport
import Testing

/// The team audit trail: the server stamps who and when, nobody but a superuser edits, the chain finds edits.
struct PostgresAuditTrailTests {
    static func entry(_ action: String, card: String = "C1", outcome: AuditOutcome? = .applied, phase: AuditPhase = .result) -> AuditEntry {
        AuditEntry(time: Date(timeIntervalSince1970: 0), operatorName: "typed-by-the-client", sessionId: "s1", ticket: "T-9", profile: "team",
                   userId: "U1", cardId: card, action: action, parameters: ["reason": "FRAUD_SUSPECTED", "pin": "1234"], phase: phase,
                   outcome: outcome, values: ["status": "LOCKED"], requestId: "r1", operationId: "op1", runId: nil)
    }

    @Test func theServerStampsOperatorAndTimeAndEntriesReadBack() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (alice, database) = try await rig.person("alice")
        let trail = PostgresAuditTrail(database: database, scope: rig.scope)
        let before = Date()
        try await trail.append(Self.entry("lock", outcome: nil, phase: .intent))
        try await trail.append(Self.entry("lock", outcome: .refused(code: "400", message: "card is frozen")))
        try await trail.append(Self.entry("unlock", card: "C2", outcome: .unknown("timeout")))
        let all = try await trail.entries(matching: AuditFilter())
        #expect(all.map(\.action) == ["lock", "lock", "unlock"])
        #expect(all.allSatisfy { $0.operatorName == alice })
        // The server's clock, not the client's epoch.
        #expect(all.allSatisfy { $0.time > before.addingTimeInterval(-60) })
        var expected = Self.entry("lock", outcome: .refused(code: "400", message: "card is frozen"))
        expected.operatorName = alice
        expected.time = all[1].time
        #expect(all[1] == expected)
        #expect(all[1].parameters["pin"] == nil)
        #expect(all[0].phase == .intent && all[0].outcome == nil)
        #expect(try await trail.entries(matching: AuditFilter(cardId: "C2")).map(\.outcome) == [.unknown("timeout")])
        #expect(try await trail.entries(matching: AuditFilter(since: Date().addingTimeInterval(3600))).isEmpty)
    }

    @Test func sandboxRowsNeverShowInProduction() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (_, database) = try await rig.person("agent")
        let production = PostgresAuditTrail(database: database, scope: TeamScope(partnerId: "200001", environment: .production))
        try await PostgresAuditTrail(database: database, scope: rig.scope).append(Self.entry("lock"))
        #expect(try await production.entries(matching: AuditFilter()).isEmpty)
    }

    @Test func agentsCannotUpdateOrDeleteThroughPsql() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (agent, database) = try await rig.person("agent")
        try await PostgresAuditTrail(database: database, scope: rig.scope).append(Self.entry("lock"))
        for sql in ["UPDATE audit SET action = 'unlock'", "DELETE FROM audit", "TRUNCATE audit",
                    "UPDATE audit_chain_head SET last_id = 0", "INSERT INTO audit_chain_head VALUES (true, 0, 'x')"] {
            let result = try await rig.psql(as: agent, sql)
            #expect(result.status != 0, "\(sql) was allowed")
            #expect(result.stderr.contains("permission denied"), "\(sql): \(result.stderr)")
        }
        // Even a role owning the table (not a superuser) meets the trigger.
        let owner = try await rig.login("owner", agent: false)
        try await rig.superSQL("ALTER TABLE audit OWNER TO \(owner)")
        let update = try await rig.psql(as: owner, "UPDATE audit SET action = 'unlock'")
        #expect(update.status != 0 && update.stderr.contains("append-only"), "\(update.stderr)")
        #expect(try await rig.superSQL("SELECT action FROM audit").contains("lock"))
    }

    @Test func verifyPassesThenNamesTheRowASuperuserEdited() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (agent, database) = try await rig.person("agent")
        let trail = PostgresAuditTrail(database: database, scope: rig.scope)
        for action in ["lock", "unlock", "lock"] { try await trail.append(Self.entry(action)) }
        #expect(try await PostgresAuditChain.verify(database) == .verified(rows: 3))

        try await rig.superSQL("UPDATE audit SET action = 'activate' WHERE id = 2")
        guard case .broken(let link) = try await PostgresAuditChain.verify(database) else { Issue.record("the edit was not found"); return }
        #expect(link.id == 2 && link.action == "activate" && link.operatorName == agent)
        #expect(link.description.contains("row 2") && link.description.contains("hash does not match"))
    }

    @Test func verifyNamesADeletedRow() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (_, database) = try await rig.person("agent")
        let trail = PostgresAuditTrail(database: database, scope: rig.scope)
        for action in ["lock", "unlock", "lock", "unlock"] { try await trail.append(Self.entry(action)) }
        try await rig.superSQL("DELETE FROM audit WHERE id = 2")
        guard case .broken(let link) = try await PostgresAuditChain.verify(database) else { Issue.record("the deletion was not found"); return }
        #expect(link.id == 3 && link.reason.contains("row 2 is missing"))
        try await rig.superSQL("DELETE FROM audit WHERE id >= 3")
        guard case .broken(let tail) = try await PostgresAuditChain.verify(database) else { Issue.record("the tail deletion was not found"); return }
        #expect(tail.id == 2 && tail.reason.contains("at the end"), "\(tail)")
    }

    @Test func concurrentAppendsKeepOneUnbrokenChain() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (_, one) = try await rig.person("one")
        let (_, two) = try await rig.person("two")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, database) in [one, two].enumerated() {
                group.addTask {
                    let trail = PostgresAuditTrail(database: database, scope: rig.scope)
                    for n in 0..<25 { try await trail.append(Self.entry("lock", card: "C\(index)-\(n)")) }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await PostgresAuditChain.verify(one) == .verified(rows: 50))
    }
}
