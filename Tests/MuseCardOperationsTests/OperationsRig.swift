import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore
import MuseCardTestSupport

/// The operations layer over a fake service and in-memory stores, with a clock that stands still.
struct OperationsRig {
    static let t0 = Date(timeIntervalSince1970: 1_795_000_000)
    let service: FakeCardService
    let audit = InMemoryAuditSink()
    let journal = InMemoryJournal()
    let cache = InMemoryCardCache()
    let operations: CardOperations

    init(_ script: [String: [FakeCardService.Answer]] = [:], readOnly: Bool = false, auditSink: (any AuditSink)? = nil) {
        service = FakeCardService(script)
        let context = OperationContext(operatorName: "alice", sessionId: "S1", profile: "sandbox", readOnly: readOnly)
        operations = CardOperations(service: service, audit: auditSink ?? audit, journal: journal, cache: cache, context: context,
                                    clock: { OperationsRig.t0 })
    }

    static func status(_ card: String, _ status: String, user: String = "U1") -> FakeCardService.Answer {
        .ok(.object(["user_id": .string(user), "card_id": .string(card), "card_status": .string(status)]))
    }

    /// A cached card `C1` of `U1` with a full record.
    func cacheCard(_ card: String = "C1", status: CardStatus = .active) async throws {
        await cache.saveRecord(CardRecord(userId: "U1", cardId: card, status: status), fetchedAt: Self.t0)
    }

    func cached(_ card: String) async throws -> CachedCard? {
        await cache.cards(of: "U1").first { $0.cardId == card }
    }

    var entries: [AuditEntry] { get async { await audit.entries } }
}
