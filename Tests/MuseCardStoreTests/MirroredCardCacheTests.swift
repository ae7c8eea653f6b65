import Foundation
import MuseCardKit
import MuseCardStore
import Synchronization
import Testing

/// The team index with its local copy: what the team store answered is there when it is away,
/// marked stale; shared-index edits are refused meanwhile; it recovers by itself.
struct MirroredCardCacheTests {
    struct Unreachable: Error, CustomStringConvertible {
        var description: String { "connection refused" }
    }

    /// A team store that can be switched off, answering like the in-memory cache while on.
    final class SwitchableCache: CardCache {
        let inner = InMemoryCardCache()
        let down = Mutex(false)

        func check() throws { if down.withLock({ $0 }) { throw Unreachable() } }
        func cardholders() async throws -> [CardholderEntry] { try check(); return await inner.cardholders() }
        func recordOpened(userId: String, label: String?, at: Date) async throws {
            try check(); await inner.recordOpened(userId: userId, label: label, at: at)
        }
        func cards(of userId: String) async throws -> [CachedCard] { try check(); return await inner.cards(of: userId) }
        func addCard(userId: String, cardId: String, at: Date) async throws { try check(); await inner.addCard(userId: userId, cardId: cardId, at: at) }
        func forgetCard(userId: String, cardId: String) async throws { try check(); await inner.forgetCard(userId: userId, cardId: cardId) }
        func forgetCardholder(userId: String) async throws { try check(); await inner.forgetCardholder(userId: userId) }
        func forgetAll() async throws { try check(); await inner.forgetAll() }
        func saveRecord(_ record: CardRecord, fetchedAt: Date) async throws { try check(); await inner.saveRecord(record, fetchedAt: fetchedAt) }
        func saveProfile(_ profile: CardholderProfile) async throws { try check(); await inner.saveProfile(profile) }
        func profile(of userId: String) async throws -> CardholderProfile? { try check(); return await inner.profile(of: userId) }
        func searchCardholders(_ search: CardholderSearch) async throws -> [String] {
            try check(); return await inner.searchCardholders(search)
        }
        func saveError(userId: String, cardId: String, message: String, at: Date) async throws {
            try check(); await inner.saveError(userId: userId, cardId: cardId, message: message, at: at)
        }
        func labelCardholder(userId: String, label: String) async throws {
            try check(); await inner.labelCardholder(userId: userId, label: label)
        }
    }

    static let t0 = Date(timeIntervalSinceReferenceDate: 800_000_000)

    static func record(_ card: String, status: CardStatus) -> CardRecord {
        var record = CardRecord(userId: "U1", cardId: card, status: status)
        record.last4 = "4242"
        return record
    }

    @Test func theLastKnownCardsOpenWhileTheTeamStoreIsAwayAndNoIndexEditIsAllowed() async throws {
        let team = SwitchableCache()
        let folder = StoreTestFolder.make("mirror")
        let local = try SQLiteCardCache(path: folder.appendingPathComponent("cache.sqlite").path,
                                        scope: StoreScope(profile: "team", partnerId: "200001"))
        let cache = MirroredCardCache(primary: team, local: local)
        var changes = cache.staleness.changes().makeAsyncIterator()

        try await team.saveRecord(Self.record("C1", status: .active), fetchedAt: Self.t0)
        try await team.saveRecord(Self.record("C2", status: .locked), fetchedAt: Self.t0)
        #expect(try await cache.cards(of: "U1").map(\.cardId) == ["C1", "C2"])
        #expect(!cache.staleness.isStale)

        team.down.withLock { $0 = true }
        let offline = try await cache.cards(of: "U1")
        #expect(offline.map(\.cardId) == ["C1", "C2"], "the local copy answers")
        #expect(offline.map { $0.record?.status } == [.active, .locked])
        #expect(cache.staleness.reason == "team store unreachable: connection refused")
        #expect(await changes.next() == .some("team store unreachable: connection refused"))
        await #expect(throws: Unreachable.self) { try await cache.addCard(userId: "U1", cardId: "C3", at: Self.t0) }
        await #expect(throws: Unreachable.self) { try await cache.forgetCard(userId: "U1", cardId: "C1") }
        // A fresh record is rebuildable: kept locally while the team store is away.
        try await cache.saveRecord(Self.record("C1", status: .locked), fetchedAt: Self.t0.addingTimeInterval(60))
        #expect(try await local.card(userId: "U1", cardId: "C1")?.record?.status == .locked)

        team.down.withLock { $0 = false }
        #expect(try await cache.cards(of: "U1").map { $0.record?.status } == [.active, .locked], "the team store's answer again")
        #expect(!cache.staleness.isStale)
        #expect(await changes.next() == .some(nil), "watchers hear it is back")
    }
}
