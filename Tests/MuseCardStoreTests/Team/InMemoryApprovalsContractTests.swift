import Foundation
import MuseCardStore
import Testing

/// The same approvals contract as the PostgreSQL driver's, against the in-memory board.
struct InMemoryApprovalsContractTests {
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var offset: TimeInterval = 0
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        var now: Date { lock.withLock { start.addingTimeInterval(offset) } }
        func advance(_ seconds: TimeInterval) { lock.withLock { offset += seconds } }
    }

    @Test(arguments: ApprovalStoreContract.allCases)
    func contract(_ check: ApprovalStoreContract) async throws {
        let clock = Clock()
        let board = InMemoryTeamBoard(now: { clock.now })
        let people = Counter()
        try await check.run(ApprovalStoreFixture(
            person: { approver in
                let name = "\(approver ? "approver" : "agent")-\(people.next())"
                return (name, board.approvals(identity: name, isApprover: approver))
            },
            expire: { _ in clock.advance(InMemoryTeamBoard.defaultLifetime + 1) }))
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.withLock { value += 1; return value } }
    }
}
