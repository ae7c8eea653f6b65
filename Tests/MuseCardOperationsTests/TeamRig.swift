import Foundation
import MuseCardKit
import MuseCardOperations
@testable import MuseCardStore
import MuseCardTestSupport

/// A team on one in-memory board: each member has their own operations layer over the one
/// shared audit trail and cache, as agents connected to one PostgreSQL would.
struct TeamRig {
    static let t0 = OperationsRig.t0
    let clock = TestClock(TeamRig.t0)
    let board: InMemoryTeamBoard
    let service: any CardService
    let audit = InMemoryAuditSink()
    let cache = InMemoryCardCache()

    init(service: any CardService, lifetime: TimeInterval = InMemoryTeamBoard.defaultLifetime) {
        self.service = service
        board = InMemoryTeamBoard(now: clock.function, lifetime: lifetime)
    }

    /// `name`'s operations layer: their own channel and approvals view of the board.
    func member(_ name: String, approver: Bool = false, fourEyes: Bool = true, readOnly: Bool = false) -> CardOperations {
        let team = TeamServices(approvals: board.approvals(identity: name, isApprover: approver),
                                channel: board.channel(identity: name, isApprover: approver, fourEyes: fourEyes))
        let context = OperationContext(operatorName: "typed-\(name)", sessionId: "S-\(name)", profile: "team", readOnly: readOnly)
        return CardOperations(service: service, audit: audit, journal: InMemoryJournal(), cache: cache, context: context,
                              team: team, clock: clock.function)
    }

    var entries: [AuditEntry] { get async { await audit.entries } }

    /// How many are waiting for the card's lock now.
    func waitingFor(_ userId: String, _ cardId: String) async -> Int {
        await board.waiting[InMemoryTeamBoard.key(userId, cardId)]?.count ?? 0
    }
}
