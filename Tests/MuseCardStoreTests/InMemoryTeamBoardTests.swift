import Foundation
import MuseCardStore
import MuseCardTestSupport
import Testing

/// The in-memory team store: the four-eyes rules as the database enforces them, events to every
/// console, viewers, busy cards and the per-card lock that makes a second agent wait.
struct InMemoryTeamBoardTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_000_000)
    let clock = TestClock(t0)
    let board: InMemoryTeamBoard
    /// Agent B asks; approver C decides; approver D is a second approver; agent A only acts.
    let bob: InMemoryApprovals, carol: InMemoryApprovals, dave: InMemoryApprovals, anna: InMemoryApprovals

    init() {
        board = InMemoryTeamBoard(now: clock.function)
        bob = board.approvals(identity: "bob", isApprover: false)
        carol = board.approvals(identity: "carol", isApprover: true)
        dave = board.approvals(identity: "dave", isApprover: true)
        anna = board.approvals(identity: "anna", isApprover: false)
    }

    func refusal(_ work: () async throws -> ApprovalRequest) async -> String? {
        do { _ = try await work(); return nil } catch let refused as ApprovalRefused { return refused.reason } catch { return "\(error)" }
    }

    @Test func aRequestIsStampedWithTheRequesterAndExpiresInFifteenMinutes() async throws {
        let request = try await bob.requestApproval(userId: "U1", cardId: "C1", lockReason: "STOLEN", note: "customer found it")
        #expect(request.requestedBy == "bob" && request.state == .pending && request.requestedAt == Self.t0)
        #expect(request.expiresAt == Self.t0.addingTimeInterval(15 * 60))
        #expect(try await carol.pendingApprovals() == [request], "every approver sees it")
        #expect(try await bob.latestApproval(cardId: "C1") == request)
        #expect(try await anna.latestApproval(cardId: "C1") == nil, "the latest is the asker's own")
        #expect(await refusal { try await bob.requestApproval(userId: "U1", cardId: "C1", lockReason: "STOLEN", note: "  ") }
                == "a request needs a note saying why")
    }

    @Test func onlyAnApproverWhoDidNotAskDecides() async throws {
        let request = try await carol.requestApproval(userId: "U1", cardId: "C1", lockReason: "LOST", note: "found in the car")
        #expect(await refusal { try await carol.approve(id: request.id, note: nil) }
                == "carol asked for this approval and cannot approve it; a second person must")
        #expect(await refusal { try await anna.approve(id: request.id, note: nil) }
                == "anna does not hold the approver role and cannot approve requests")
        #expect(await refusal { try await dave.deny(id: request.id, note: " ") } == "a denial needs a note saying why")
        clock.advance(60)
        let approved = try await dave.approve(id: request.id, note: "called the customer")
        #expect(approved.state == .approved && approved.decidedBy == "dave" && approved.decidedAt == Self.t0.addingTimeInterval(60))
        #expect(approved.decisionNote == "called the customer")
        #expect(await refusal { try await dave.deny(id: request.id, note: "changed my mind") } == "request \(request.id) is approved, not pending")
        #expect(try await dave.pendingApprovals().isEmpty)
        #expect(await refusal { try await dave.approve(id: "apr-404", note: nil) } == "no approval request apr-404")
    }

    @Test func anApprovalIsSpentOnceOnItsOwnCardByItsRequester() async throws {
        let request = try await bob.requestApproval(userId: "U1", cardId: "C1", lockReason: "FRAUD_SUSPECTED", note: "false alarm")
        #expect(await refusal { try await bob.consumeApproval(id: request.id, cardId: "C1") } == "approval \(request.id) is still waiting for an approver")
        _ = try await carol.approve(id: request.id, note: nil)
        #expect(await refusal { try await bob.consumeApproval(id: request.id, cardId: "C2") } == "approval \(request.id) is for card C1, not C2")
        #expect(await refusal { try await anna.consumeApproval(id: request.id, cardId: "C1") } == "approval \(request.id) was asked by bob; only they can use it")
        #expect(try await bob.consumeApproval(id: request.id, cardId: "C1").state == .used)
        #expect(await refusal { try await bob.consumeApproval(id: request.id, cardId: "C1") } == "approval \(request.id) was already used for one unlock")
    }

    @Test func aDeniedOrExpiredRequestCannotBeUsed() async throws {
        let denied = try await bob.requestApproval(userId: "U1", cardId: "C1", lockReason: "COMPROMISED", note: "please")
        let decided = try await carol.deny(id: denied.id, note: "still compromised")
        #expect(decided.state == .denied && decided.decisionNote == "still compromised")
        #expect(await refusal { try await bob.consumeApproval(id: denied.id, cardId: "C1") } == "approval \(denied.id) is denied")

        let late = try await bob.requestApproval(userId: "U1", cardId: "C2", lockReason: "LOST", note: "found")
        let approvedLate = try await bob.requestApproval(userId: "U1", cardId: "C3", lockReason: "LOST", note: "found")
        _ = try await carol.approve(id: approvedLate.id, note: nil)
        clock.advance(15 * 60)
        #expect(try await carol.pendingApprovals().isEmpty, "an expired request is no longer waiting")
        #expect(try await bob.approval(id: late.id)?.state == .expired)
        #expect(await refusal { try await carol.approve(id: late.id, note: nil) } == "request \(late.id) is expired, not pending")
        #expect(await refusal { try await bob.consumeApproval(id: approvedLate.id, cardId: "C3") } == "approval \(approvedLate.id) is expired")
    }

    @Test func everyChannelHearsEveryEvent() async throws {
        let a = board.channel(identity: "anna", isApprover: false)
        let c = board.channel(identity: "carol", isApprover: true)
        var aEvents = a.events().makeAsyncIterator()
        var cEvents = c.events().makeAsyncIterator()
        _ = try await bob.requestApproval(userId: "U1", cardId: "C1", lockReason: "LOST", note: "found")
        #expect(await aEvents.next() == .approvalsChanged)
        #expect(await cEvents.next() == .approvalsChanged)
        try await a.announceOpen(userId: "U1")
        #expect(await cEvents.next() == .viewersChanged(userId: "U1"))
        #expect(try await c.viewers(of: "U1") == ["anna"])
        #expect(try await a.viewers(of: "U1") == [], "not one's own session")
        try await c.announceOpen(userId: "U1")
        #expect(try await a.viewers(of: "U1") == ["carol"])
        try await a.announceOpen(userId: "U2")
        #expect(try await c.viewers(of: "U1") == [])
        #expect(try await c.viewers(of: "U2") == ["anna"])
        await a.close()
        #expect(try await c.viewers(of: "U2") == [])
        #expect(await aEvents.next() == .viewersChanged(userId: "U1"), "events sent before the close still arrive")
    }

    @Test func aSecondLockerWaitsUntilTheFirstIsDoneAndSeesTheCardBusy() async throws {
        let a = board.channel(identity: "anna", isApprover: false)
        let b = board.channel(identity: "bob", isApprover: false)
        let inside = AsyncStream.makeStream(of: String.self)
        let gate = AsyncStream.makeStream(of: Void.self)
        let first = Task {
            try await a.withCardLock(userId: "U1", cardId: "C1") {
                inside.continuation.yield("anna in")
                for await _ in gate.stream { break }
                inside.continuation.yield("anna out")
            }
        }
        var order = inside.stream.makeAsyncIterator()
        #expect(await order.next() == "anna in")
        #expect(try await b.busyCards(of: "U1") == ["C1": "anna"])
        #expect(try await a.busyCards(of: "U1") == [:], "one's own change is not shown as someone else's")
        let second = Task {
            try await b.withCardLock(userId: "U1", cardId: "C1") { _ = inside.continuation.yield("bob in") }
        }
        // Another card is free meanwhile.
        try await b.withCardLock(userId: "U1", cardId: "C2") { _ = inside.continuation.yield("bob on C2") }
        #expect(await order.next() == "bob on C2")
        gate.continuation.yield()
        #expect(await order.next() == "anna out")
        #expect(await order.next() == "bob in", "bob's change waited for anna's")
        try await first.value
        try await second.value
        #expect(try await a.busyCards(of: "U1") == [:])
    }

    @Test func aFailingBodyReleasesTheLock() async throws {
        struct Boom: Error {}
        let a = board.channel(identity: "anna", isApprover: false)
        await #expect(throws: Boom.self) { try await a.withCardLock(userId: "U1", cardId: "C1") { throw Boom() } }
        #expect(try await a.withCardLock(userId: "U1", cardId: "C1") { 7 } == 7)
    }
}

/// An expiry changes nothing on the board, yet every console must learn of it.
struct InMemoryExpiryTests {
    @Test func everyChannelHearsWhenARequestExpires() async throws {
        let clock = TestClock(InMemoryTeamBoardTests.t0)
        // Half a second of life: the timer waits that long in real time, then reads the board's clock.
        let board = InMemoryTeamBoard(now: clock.function, lifetime: 0.5)
        let events = board.channel(identity: "carol", isApprover: true).events()
        let carol = board.approvals(identity: "carol", isApprover: true)
        let asked = try await board.approvals(identity: "bob", isApprover: false)
            .requestApproval(userId: "U1", cardId: "C1", lockReason: "LOST", note: "n")
        _ = try await first(events, what: "the request") { $0 == .approvalsChanged }
        clock.advance(1)
        _ = try await first(events, what: "the expiry") { $0 == .approvalsChanged }
        #expect(try await carol.approval(id: asked.id)?.state == .expired)
        #expect(try await carol.pendingApprovals().isEmpty)
    }
}
