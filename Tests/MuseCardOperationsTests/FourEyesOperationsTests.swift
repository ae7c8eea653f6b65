import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardSandbox
import MuseCardStore
import MuseCardTestSupport
import Testing

/// Four-eyes unlocks in a team, against the fake service: no approval, no unlock; the approval
/// is spent before the intent and both names are in the audit; changes wait for the card's lock.
struct FourEyesOperationsTests {
    static func status(_ status: String) -> FakeCardService.Answer { OperationsRig.status("C1", status) }

    /// Anna locked C1 as STOLEN; the fake answers unlocks with ACTIVE.
    static func lockedStolen(_ fake: FakeCardService = FakeCardService(["/v1/card/lock": [status("LOCK")], "/v1/card/unlock": [status("ACTIVE")]]),
                             reason: LockReason = LockReason(.stolen, note: "stolen on the train")) async -> (TeamRig, FakeCardService) {
        let rig = TeamRig(service: fake)
        _ = await rig.member("anna").perform(.lock(cardId: "C1", reason: reason), userId: "U1", ticket: "SUP-1")
        return (rig, fake)
    }

    @Test func withoutAnApprovalASensitiveUnlockIsNotSentAndSaysWhatToDo() async throws {
        let (rig, fake) = await Self.lockedStolen()
        let report = await rig.member("bob").perform(.unlock(cardId: "C1"), userId: "U1", ticket: "SUP-2")
        #expect(report.outcome == .notSent && report.exitCode == 64)
        #expect(report.message == "unlock C1: not sent — approval: card C1 was locked as STOLEN by anna; unlocking it needs a second person's approval: ask for one, then unlock with its id")
        #expect(fake.sent.map(\.path) == ["/v1/card/lock"], "nothing was sent")
        let last = try #require(await rig.entries.last)
        #expect(last.phase == .result && last.action == "unlock" && last.operatorName == "bob", "a not-sent result, no intent")
    }

    @Test func anApprovedUnlockIsAuditedWithBothNamesAndTheApprovalIsSpent() async throws {
        let (rig, fake) = await Self.lockedStolen()
        let bob = rig.member("bob"), carol = rig.member("carol", approver: true)
        let request = try await bob.requestApproval(userId: "U1", cardId: "C1", note: "customer found it")
        #expect(request.lockReason == "STOLEN" && request.requestedBy == "bob")
        #expect(try await carol.pendingApprovals().map(\.id) == [request.id])
        _ = try await carol.approve(id: request.id, note: "checked with the customer")
        let report = await bob.perform(.unlock(cardId: "C1", check: .approval(id: request.id)), userId: "U1", ticket: "SUP-2")
        #expect(report.outcome == .applied && report.answer == .status(.active))
        #expect(fake.sent.map(\.path) == ["/v1/card/lock", "/v1/card/unlock"])
        let unlock = await rig.entries.filter { $0.action == "unlock" }
        #expect(unlock.map(\.phase) == [.intent, .result])
        for line in unlock {
            #expect(line.operatorName == "bob", "the team identity, not the typed operator name")
            #expect(line.parameters["approval_id"] == request.id && line.parameters["approved_by"] == "carol")
        }
        #expect(try await carol.latestApproval(cardId: "C1") == nil, "carol asked for nothing")
        #expect(try await bob.latestApproval(cardId: "C1")?.state == .used)
        let again = await bob.perform(.unlock(cardId: "C1", check: .approval(id: request.id)), userId: "U1", ticket: nil)
        #expect(again.outcome == .notSent && again.errorText == "approval: refused by the team store: approval \(request.id) was already used for one unlock")
    }

    @Test func anApprovalTheStoreRefusesIsNotSentWithTheStoresReason() async throws {
        let (rig, fake) = await Self.lockedStolen()
        let bob = rig.member("bob")
        let request = try await bob.requestApproval(userId: "U1", cardId: "C1", note: "customer found it")
        let early = await bob.perform(.unlock(cardId: "C1", check: .approval(id: request.id)), userId: "U1", ticket: nil)
        #expect(early.outcome == .notSent && early.exitCode == 64)
        #expect(early.errorText == "approval: refused by the team store: approval \(request.id) is still waiting for an approver")
        let someoneElses = await rig.member("dave").perform(.unlock(cardId: "C1", check: .approval(id: request.id)), userId: "U1", ticket: nil)
        #expect(someoneElses.errorText.contains("was asked by bob; only they can use it"))
        #expect(fake.sent.map(\.path) == ["/v1/card/lock"])
        #expect(await rig.entries.filter { $0.phase == .intent }.map(\.action) == ["lock"], "no intent for what is not sent")
    }

    @Test func anUnlockOfACardLockedForAnOrdinaryReasonNeedsNoApproval() async throws {
        let (rig, _) = await Self.lockedStolen(reason: LockReason(.customerRequest))
        let report = await rig.member("bob").perform(.unlock(cardId: "C1"), userId: "U1", ticket: nil)
        #expect(report.outcome == .applied)
        await #expect(throws: MusePayError.validation(field: "card_id", reason: "card C1 was not locked for a sensitive reason (last lock: CUSTOMER_REQUEST)")) {
            try await rig.member("bob").requestApproval(userId: "U1", cardId: "C1", note: "please")
        }
    }

    @Test func withFourEyesOffTheLastFourDigitsAreAskedInstead() async throws {
        let (rig, _) = await Self.lockedStolen()
        await rig.cache.saveRecord(CardRecord(userId: "U1", cardId: "C1", status: .locked), fetchedAt: TeamRig.t0)
        let solo = rig.member("bob", fourEyes: false)
        #expect(try await solo.unlockRequirement(userId: "U1", cardId: "C1").0 == .lastFour)
        let missing = await solo.perform(.unlock(cardId: "C1"), userId: "U1", ticket: nil)
        #expect(missing.errorText.hasPrefix("last4: card C1 was locked as STOLEN by anna"))
        #expect(await solo.perform(.unlock(cardId: "C1", check: .lastFour("  c1 ")), userId: "U1", ticket: nil).outcome == .applied,
                "without a PAN last four in the record, the card id's last four")
    }

    @Test func aBatchRunNeverStandsInForAnApproval() async throws {
        let (rig, fake) = await Self.lockedStolen()
        let report = await rig.member("bob").perform(.unlock(cardId: "C1", check: .batchRun), userId: "U1", ticket: "INC-1")
        #expect(report.outcome == .notSent && report.errorText.hasPrefix("approval: card C1 was locked as STOLEN by anna"))
        #expect(fake.sent.map(\.path) == ["/v1/card/lock"])
    }

    @Test func requestsNeedANoteAndATeamStore() async throws {
        let (rig, _) = await Self.lockedStolen()
        await #expect(throws: MusePayError.validation(field: "note", reason: "must not be empty")) {
            try await rig.member("bob").requestApproval(userId: "U1", cardId: "C1", note: "")
        }
        await #expect(throws: MusePayError.validation(field: "note", reason: "must contain printable characters only")) {
            try await rig.member("bob").requestApproval(userId: "U1", cardId: "C1", note: "why\u{1B}[2J")
        }
        let embedded = OperationsRig().operations
        do {
            _ = try await embedded.requestApproval(userId: "U1", cardId: "C1", note: "please")
            Issue.record("an embedded store has no approvals")
        } catch {
            #expect(error.exitCode(isChange: true) == 78 && error.description.contains("approvals need a team store"))
        }
        let request = try await rig.member("bob").requestApproval(userId: "U1", cardId: "C1", note: "found it")
        await #expect(throws: MusePayError.validation(field: "approval", reason: "refused by the team store: bob asked for this approval and cannot approve it; a second person must")) {
            try await rig.member("bob", approver: true).approve(id: request.id, note: nil)
        }
        await #expect(throws: MusePayError.validation(field: "note", reason: "must not be empty")) {
            try await rig.member("carol", approver: true).deny(id: request.id, note: "")
        }
        await #expect(throws: MusePayError.configuration("profile team is read-only; approving is not allowed")) {
            try await rig.member("carol", approver: true, readOnly: true).approve(id: request.id, note: nil)
        }
    }

    @Test func aChangeWaitsWhileAnotherAgentHoldsTheCard() async throws {
        let fake = FakeCardService(["/v1/card/limitChange": [.ok(nil)]])
        let rig = TeamRig(service: fake)
        let anna = rig.board.channel(identity: "anna", isApprover: false)
        let release = AsyncStream.makeStream(of: Void.self)
        let held = AsyncStream.makeStream(of: Void.self)
        let holder = Task {
            try await anna.withCardLock(userId: "U1", cardId: "C1") {
                held.continuation.yield()
                for await _ in release.stream { break }
            }
        }
        for await _ in held.stream { break }
        let bob = rig.member("bob")
        let amount = try DecimalAmount(parsing: "80")
        let change = Task { await bob.perform(.changeLimit(cardId: "C1", amount: amount), userId: "U1", ticket: nil) }
        while await rig.waitingFor("U1", "C1") == 0 { try await Task.sleep(for: .milliseconds(5)) }
        let announced = await rig.entries
        #expect(fake.sent.isEmpty && announced.isEmpty, "bob's change waits, not even announced")
        #expect(try await rig.board.channel(identity: "carol", isApprover: true).busyCards(of: "U1") == ["C1": "anna"])
        release.continuation.yield()
        #expect(await change.value.outcome == .applied)
        try await holder.value
        #expect(fake.sent.map(\.path) == ["/v1/card/limitChange"])
    }

    @Test func whenTheTeamStoreIsAwayNothingIsSent() async throws {
        let fake = FakeCardService(["/v1/card/lock": [Self.status("LOCK")]])
        let team = TeamServices(approvals: InMemoryTeamBoard().approvals(identity: "bob", isApprover: false), channel: AwayChannel())
        let context = OperationContext(operatorName: "bob", sessionId: "S", profile: "team", readOnly: false)
        let operations = CardOperations(service: fake, audit: InMemoryAuditSink(), journal: nil, cache: nil, context: context, team: team)
        let report = await operations.perform(.lock(cardId: "C1"), userId: "U1", ticket: nil)
        #expect(report.outcome == .notSent && report.exitCode == 78 && report.errorText.contains("the team store cannot be reached"))
        #expect(fake.sent.isEmpty)
    }
}

/// The single agent: a sensitive unlock asks for the card's last four digits.
struct LastFourOperationsTests {
    typealias R = OperationsRig

    @Test func theLastFourDigitsAreCheckedBeforeAnythingIsSent() async throws {
        let rig = R(["/v1/card/lock": [R.status("C1", "LOCK")], "/v1/card/unlock": [R.status("C1", "ACTIVE")]])
        var record = CardRecord(userId: "U1", cardId: "C1", status: .active)
        record.last4 = "4242"
        await rig.cache.saveRecord(record, fetchedAt: R.t0)
        _ = await rig.operations.perform(.lock(cardId: "C1", reason: LockReason(.lost, note: "left in a taxi")), userId: "U1", ticket: nil)
        #expect(try await rig.operations.unlockRequirement(userId: "U1", cardId: "C1").0 == .lastFour)

        let missing = await rig.operations.perform(.unlock(cardId: "C1"), userId: "U1", ticket: nil)
        #expect(missing.outcome == .notSent && missing.exitCode == 64)
        #expect(missing.errorText == "last4: card C1 was locked as LOST by alice; type the card's last four digits to unlock it")
        let wrong = await rig.operations.perform(.unlock(cardId: "C1", check: .lastFour("4243")), userId: "U1", ticket: nil)
        #expect(wrong.errorText == "last4: does not match the card's last four digits")
        #expect(rig.service.sent.map(\.path) == ["/v1/card/lock"])

        let right = await rig.operations.perform(.unlock(cardId: "C1", check: .lastFour("4242")), userId: "U1", ticket: nil)
        #expect(right.outcome == .applied)
        let lines = await rig.entries.filter { $0.action == "unlock" && $0.outcome != nil && $0.outcome != .applied }
        #expect(lines.count == 2, "both refusals are audited as not sent")
        #expect(await rig.entries.last?.parameters == ["unlock_check": "last4"])
        await #expect(throws: MusePayError.self) { try await rig.operations.approve(id: "apr-1", note: nil) }
        let approval = await rig.operations.perform(.unlock(cardId: "C1", check: .approval(id: "apr-1")), userId: "U1", ticket: nil)
        #expect(approval.errorText == "approval: approvals need a team store; this profile uses the embedded one")
    }
}

/// A batch run of a single agent: confirmed as a whole, so no card asks for its last four digits.
struct BatchUnlockOperationsTests {
    @Test func aBatchUnlockAloneIsConfirmedByTheRunAndSaysSo() async throws {
        let rig = OperationsRig(["/v1/card/lock": [OperationsRig.status("C1", "LOCK")], "/v1/card/unlock": [OperationsRig.status("C1", "ACTIVE")]])
        _ = await rig.operations.perform(.lock(cardId: "C1", reason: LockReason(.compromised)), userId: "U1", ticket: "INC-1")
        let report = await rig.operations.perform(.unlock(cardId: "C1", check: .batchRun), userId: "U1", ticket: "INC-1")
        #expect(report.outcome == .applied)
        #expect(await rig.entries.last?.parameters == ["unlock_check": "batch"])
    }
}

/// A channel to a team store that cannot be reached.
struct AwayChannel: TeamChannel {
    struct Unreachable: Error, CustomStringConvertible { var description: String { "connection refused" } }
    var identity: String { "bob" }
    var isApprover: Bool { false }
    var fourEyes: Bool { true }
    func events() -> AsyncStream<TeamEvent> { AsyncStream { $0.finish() } }
    func announceOpen(userId: String?) async throws { throw Unreachable() }
    func viewers(of userId: String) async throws -> [String] { throw Unreachable() }
    func busyCards(of userId: String) async throws -> [String: String] { throw Unreachable() }
    func withCardLock<T: Sendable>(userId: String, cardId: String, _ body: @Sendable () async throws -> T) async throws -> T { throw Unreachable() }
}

/// The same rules against the sandbox over a real socket: a team's four-eyes unlock, then a single agent's last four.
struct FourEyesSandboxTests {
    static let user = "60004408"
    static let card = "VC1000000001"

    @Test func aStolenCardIsUnlockedWithAnApprovalThenAloneWithItsLastFour() async throws {
        let server = try await SandboxServer.start(SandboxOptions())
        let client = MusePayClient(configuration: try server.demoClientConfiguration())
        let rig = TeamRig(service: client)
        let bob = rig.member("bob"), carol = rig.member("carol", approver: true)
        let stolen = LockReason(.stolen, note: "bag stolen")
        #expect(await rig.member("anna").perform(.lock(cardId: Self.card, reason: stolen), userId: Self.user, ticket: "SUP-1").outcome == .applied)
        #expect(await bob.perform(.unlock(cardId: Self.card), userId: Self.user, ticket: "SUP-2").outcome == .notSent)
        #expect(try await client.send(QueryCardRequest(userId: Self.user, cardId: Self.card)).status == .locked, "the sandbox was not asked")
        let request = try await bob.requestApproval(userId: Self.user, cardId: Self.card, note: "customer got the bag back")
        _ = try await carol.approve(id: request.id, note: nil)
        let unlocked = await bob.perform(.unlock(cardId: Self.card, check: .approval(id: request.id)), userId: Self.user, ticket: "SUP-2")
        #expect(unlocked.outcome == .applied && unlocked.answer == .status(.active))
        #expect(await rig.entries.last?.parameters["approved_by"] == "carol")

        // Alone: the last four digits of the record the sandbox gives.
        let context = OperationContext(operatorName: "alice", sessionId: "S", profile: "sandbox", readOnly: false)
        let alone = CardOperations(service: client, audit: InMemoryAuditSink(), journal: nil, cache: InMemoryCardCache(), context: context)
        let record = await alone.query(userId: Self.user, cardId: Self.card)
        let last4 = try #require(try record.result.get().last4)
        _ = await alone.perform(.lock(cardId: Self.card, reason: stolen), userId: Self.user, ticket: nil)
        let wrong = await alone.perform(.unlock(cardId: Self.card, check: .lastFour(last4 == "0000" ? "1111" : "0000")), userId: Self.user, ticket: nil)
        #expect(wrong.outcome == .notSent && wrong.errorText == "last4: does not match the card's last four digits")
        #expect(await alone.perform(.unlock(cardId: Self.card, check: .lastFour(last4)), userId: Self.user, ticket: nil).outcome == .applied)
        await client.shutdown()
        await server.stop()
    }
}
