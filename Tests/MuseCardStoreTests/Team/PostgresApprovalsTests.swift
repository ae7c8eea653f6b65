import Foundation
import MuseCardStore
import MuseCardTestSupport
import Testing

/// The approvals contract against PostgreSQL, and the rules holding for a client that skips MuseCard (psql).
struct PostgresApprovalsTests {
    static func fixture(_ rig: TeamRig) -> ApprovalStoreFixture {
        ApprovalStoreFixture(
            person: { approver in
                let (name, database) = try await rig.person(approver ? "approver" : "agent", approver: approver)
                return (name, PostgresApprovals(database: database, scope: rig.scope, profile: "team", sessionId: "s-\(name)"))
            },
            expire: { id in
                try await rig.superSQL("UPDATE approvals SET expires_at = now() - interval '1 second' WHERE id = '\(id)'")
            })
    }

    @Test(arguments: ApprovalStoreContract.allCases)
    func contract(_ check: ApprovalStoreContract) async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        try await check.run(Self.fixture(rig))
    }

    @Test func theAuditShowsWhoAskedAndWhoApproved() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (bob, bobDB) = try await rig.person("bob")
        let (carol, carolDB) = try await rig.person("carol", approver: true)
        let asked = try await PostgresApprovals(database: bobDB, scope: rig.scope, profile: "team", sessionId: "b")
            .requestApproval(userId: "U1", cardId: "C1", lockReason: "FRAUD_SUSPECTED", note: "customer confirmed")
        _ = try await PostgresApprovals(database: carolDB, scope: rig.scope, profile: "team", sessionId: "c").approve(id: asked.id, note: "ok")
        let audit = try await PostgresAuditTrail(database: bobDB, scope: rig.scope).entries(matching: AuditFilter(cardId: "C1"))
        #expect(audit.map { "\($0.action) by \($0.operatorName)" } == ["request-approval by \(bob)", "approve by \(carol)"])
        #expect(audit.allSatisfy { $0.parameters["approval_id"] == asked.id && $0.outcome == .applied })
        #expect(try await PostgresAuditChain.verify(bobDB) == .verified(rows: 2))
    }

    @Test func psqlCannotSkipTheRules() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (bob, bobDB) = try await rig.person("bob")
        let (dave, daveDB) = try await rig.person("dave", approver: true)
        let mine = try await PostgresApprovals(database: bobDB, scope: rig.scope, profile: "team", sessionId: "b")
            .requestApproval(userId: "U1", cardId: "C1", lockReason: "FRAUD_SUSPECTED", note: "n")
        let approverOwn = try await PostgresApprovals(database: daveDB, scope: rig.scope, profile: "team", sessionId: "d")
            .requestApproval(userId: "U1", cardId: "C2", lockReason: "LOST", note: "n")

        let selfApproval = try await rig.psql(as: bob, "SELECT state FROM approve_approval('\(mine.id)', 'me', 'psql', 'x')")
        #expect(selfApproval.status != 0 && selfApproval.stderr.contains("requester cannot decide"), "\(selfApproval.stderr)")
        let approverSelf = try await rig.psql(as: dave, "SELECT state FROM approve_approval('\(approverOwn.id)', 'me', 'psql', 'x')")
        #expect(approverSelf.status != 0 && approverSelf.stderr.contains("requester cannot decide"), "\(approverSelf.stderr)")
        for sql in ["UPDATE approvals SET state = 'approved', decided_by = 'someone' WHERE id = '\(mine.id)'",
                    "INSERT INTO approvals (scope, user_id, card_id, lock_reason, requested_by, requested_at, note, expires_at, state) "
                        + "VALUES ('x', 'U1', 'C1', 'LOST', 'x', now(), 'n', now() + interval '1 hour', 'approved')",
                    "DELETE FROM approvals"] {
            let result = try await rig.psql(as: bob, sql)
            #expect(result.status != 0 && result.stderr.contains("permission denied"), "\(sql): \(result.stderr)")
        }
        let state = try await rig.superSQL("SELECT state FROM approvals WHERE id = '\(mine.id)'")
        #expect(state.trimmingCharacters(in: .whitespacesAndNewlines) == "pending")
    }

    @Test func aRequestExpiresAfterTheProfilesMinutes() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (_, database) = try await rig.person("bob", approvalMinutes: 3)
        let asked = try await PostgresApprovals(database: database, scope: rig.scope, profile: "team", sessionId: "b")
            .requestApproval(userId: "U1", cardId: "C1", lockReason: "LOST", note: "n")
        #expect(abs(asked.expiresAt.timeIntervalSince(asked.requestedAt) - 180) < 1)
    }
}
