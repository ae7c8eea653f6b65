import Foundation
import MuseCardKit
import MuseCardStore
import Testing

/// Amending a record in one step (how an applied change teaches the cache), and many writes at
/// once as a batch's calls in flight make them: each lands, and one the store refuses fails alone.
extension CardCacheContractTests {
    @Test(arguments: StoreDriver.allCases)
    func amendingSeesTheCachedRecordAndKeepsWhatItReturns(driver: StoreDriver) async throws {
        try await driver.run { place in
            let cache = try await place.cache()
            try await cache.saveRecord(Self.record("U1", "C2", phone: "5550100"), fetchedAt: Self.t0)
            try await cache.saveError(userId: "U1", cardId: "C2", message: "timed out", at: Self.t0)
            let later = Self.t0.addingTimeInterval(60)
            try await cache.amendRecord(userId: "U1", cardId: "C1", at: later) { $0 }
            try await cache.amendRecord(userId: "U1", cardId: "C2", at: later) { record in
                guard var record else { return nil }
                record.status = .locked
                return record
            }
            try await cache.amendRecord(userId: "U1", cardId: "C3", at: later) { $0 ?? CardRecord(userId: "U1", cardId: "C3", status: .locked) }

            let cards = try await cache.cards(of: "U1")
            #expect(cards.map(\.cardId) == ["C2", "C1", "C3"])
            #expect(cards[1].record == nil, "an unknown card with nothing to keep is only noted")
            var locked = Self.record("U1", "C2", phone: "5550100")
            locked.status = .locked
            #expect(cards[0].record == locked, "the cached record was changed, the rest of it kept")
            #expect(cards[0].fetchedAt == later && cards[0].lastError == nil, "kept as fetched now, the old error cleared")
            #expect(cards[2].record == CardRecord(userId: "U1", cardId: "C3", status: .locked))
        }
    }

    @Test(arguments: StoreDriver.fallible)
    func manyWritesAtOnceAllLandAndARefusedOneFailsAlone(driver: StoreDriver) async throws {
        try await driver.run { place in
            let cache = try await place.cache()
            let refuse = try #require(place.refuseCard)
            try await refuse("BOOM")
            let ids = (0..<48).map { $0 == 20 ? "BOOM" : "C\($0)" }
            var failed: [String] = []
            await withTaskGroup(of: String?.self) { group in
                for id in ids {
                    group.addTask { await Self.lockFails(cache, cardId: id) ? id : nil }
                }
                for await id in group { if let id { failed.append(id) } }
            }
            #expect(failed == ["BOOM"], "only the refused card's write fails")
            let kept = try await cache.cards(of: "U1")
            #expect(Set(kept.map(\.cardId)) == Set(ids.filter { $0 != "BOOM" }))
            #expect(kept.allSatisfy { $0.record?.status == .locked })
        }
    }

    /// Amends the card to LOCK; true when the store refused.
    static func lockFails(_ cache: any CardCache, cardId: String) async -> Bool {
        do {
            try await cache.amendRecord(userId: "U1", cardId: cardId, at: t0) { _ in CardRecord(userId: "U1", cardId: cardId, status: .locked) }
            return false
        } catch {
            return true
        }
    }
}
