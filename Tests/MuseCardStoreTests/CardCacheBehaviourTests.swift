import Foundation
import MuseCardKit
import MuseCardStore
import Testing

/// The same behaviour from the SQLite cache and the in-memory one the view-model tests use.
struct CardCacheBehaviourTests {
    static let scope = StoreScope(profile: "sandbox", partnerId: "200001")

    static func caches() throws -> [(String, any CardCache)] {
        let folder = StoreTestFolder.make("behaviour")
        return [("sqlite", try SQLiteCardCache(path: folder.appendingPathComponent("cache.sqlite").path, scope: scope)),
                ("memory", InMemoryCardCache())]
    }

    static func record(_ card: String, status: String = "ACTIVE", last4: String = "4242") -> CardRecord {
        var record = CardRecord(userId: "U1", cardId: card, status: CardStatus(rawValue: status))
        record.last4 = last4
        record.dailyPurchaseLimit = Decimal(string: "500.5")
        return record
    }

    @Test func cardsComeBackInTheOrderAddedAndAddIsIdempotent() async throws {
        let t0 = Date(timeIntervalSinceReferenceDate: 800_000_000.125)
        for (name, cache) in try Self.caches() {
            try await cache.addCard(userId: "U1", cardId: "C2", at: t0)
            try await cache.addCard(userId: "U1", cardId: "C1", at: t0.addingTimeInterval(1))
            try await cache.addCard(userId: "U1", cardId: "C2", at: t0.addingTimeInterval(2))
            try await cache.addCard(userId: "U2", cardId: "C9", at: t0)
            let cards = try await cache.cards(of: "U1")
            #expect(cards.map(\.cardId) == ["C2", "C1"], "\(name)")
            #expect(cards.first?.addedAt == t0, "\(name): a second add keeps the first time")
            try await cache.forgetCard(userId: "U1", cardId: "C2")
            #expect(try await cache.cards(of: "U1").map(\.cardId) == ["C1"], "\(name)")
        }
    }

    @Test func recordRoundTripsAndClearsTheLastError() async throws {
        let t0 = Date(timeIntervalSinceReferenceDate: 800_000_000)
        for (name, cache) in try Self.caches() {
            try await cache.saveError(userId: "U1", cardId: "C1", message: "refused 5004 USER_STATUS_INVALID", at: t0)
            var card = try #require(try await cache.cards(of: "U1").first)
            #expect(card.lastError == "refused 5004 USER_STATUS_INVALID" && card.lastErrorAt == t0 && card.record == nil, "\(name)")
            try await cache.saveRecord(Self.record("C1"), fetchedAt: t0.addingTimeInterval(5))
            card = try #require(try await cache.cards(of: "U1").first)
            #expect(card.record == Self.record("C1"), "\(name)")
            #expect(card.fetchedAt == t0.addingTimeInterval(5), "\(name)")
            #expect(card.lastError == nil && card.lastErrorAt == nil, "\(name)")
            #expect(card.addedAt == t0, "\(name)")
        }
    }

    @Test func cardholdersMostRecentlyOpenedFirstKeepingLabels() async throws {
        let t0 = Date(timeIntervalSinceReferenceDate: 800_000_000)
        for (name, cache) in try Self.caches() {
            try await cache.recordOpened(userId: "U1", label: "Ada", at: t0)
            try await cache.recordOpened(userId: "U2", label: nil, at: t0.addingTimeInterval(10))
            try await cache.addCard(userId: "U3", cardId: "C3", at: t0)
            try await cache.recordOpened(userId: "U1", label: nil, at: t0.addingTimeInterval(20))
            let holders = try await cache.cardholders()
            #expect(holders.map(\.userId) == ["U1", "U2", "U3"], "\(name)")
            #expect(holders.first?.label == "Ada", "\(name): a nil label keeps the old one")
            #expect(holders.first?.lastOpened == t0.addingTimeInterval(20), "\(name)")
            #expect(holders.map(\.cardCount) == [0, 0, 1], "\(name): counted in the same read")
        }
    }

    @Test func forgettingACardholderDropsItsEntryProfileAndCardsOnly() async throws {
        let t0 = Date(timeIntervalSinceReferenceDate: 800_000_000)
        for (name, cache) in try Self.caches() {
            try await cache.recordOpened(userId: "U1", label: "Ada", at: t0)
            try await cache.addCard(userId: "U1", cardId: "C1", at: t0)
            try await cache.saveRecord(Self.record("C2"), fetchedAt: t0)
            try await cache.saveProfile(CardholderProfile(userId: "U1", xid: "KM-1"))
            try await cache.addCard(userId: "U2", cardId: "C9", at: t0)
            try await cache.forgetCardholder(userId: "U1")
            #expect(try await cache.cardholders().map(\.userId) == ["U2"], "\(name)")
            #expect(try await cache.cards(of: "U1").isEmpty, "\(name)")
            #expect(try await cache.profile(of: "U1") == nil, "\(name)")
            #expect(try await cache.searchCardholders(.xid("KM-1")).isEmpty, "\(name)")
            #expect(try await cache.cards(of: "U2").map(\.cardId) == ["C9"], "\(name): the others are kept")
            try await cache.forgetCardholder(userId: "U404")
            #expect(try await cache.cardholders().count == 1, "\(name): forgetting an unknown one is a no-op")
        }
    }

    static func journals() throws -> [(String, any JournalStore)] {
        let folder = StoreTestFolder.make("journal")
        return [("sqlite", try SQLiteJournal(path: folder.appendingPathComponent("journal.sqlite").path, scope: scope)),
                ("memory", InMemoryJournal())]
    }

    @Test func journalPendingOldestFirstAndSettled() async throws {
        let t0 = Date(timeIntervalSinceReferenceDate: 800_000_000)
        for (name, cache) in try Self.journals() {
            try await cache.openJournal(JournalEntry(kind: .replace, requestId: "rep-2", userId: "U1", cardId: "C1",
                                                     parameters: ["replace_reason": "LOST"], createdAt: t0.addingTimeInterval(5)))
            try await cache.openJournal(JournalEntry(kind: .apply, requestId: "app-1", userId: "U1",
                                                     parameters: ["card_product_id": "P1"], createdAt: t0))
            try await cache.openJournal(JournalEntry(kind: .apply, requestId: "app-3", userId: "U2", createdAt: t0))
            #expect(try await cache.pendingJournal(userId: "U1").map(\.requestId) == ["app-1", "rep-2"], "\(name)")
            #expect(try await cache.pendingJournal(userId: nil).count == 3, "\(name)")
            try await cache.updateJournal(requestId: "app-1", state: .done, cardId: "C7", detail: "apply_id A1", at: t0.addingTimeInterval(9))
            let pending = try await cache.pendingJournal(userId: "U1")
            #expect(pending.map(\.requestId) == ["rep-2"], "\(name)")
            #expect(pending.first?.parameters == ["replace_reason": "LOST"], "\(name)")
            #expect(pending.first?.cardId == "C1", "\(name)")
        }
    }

    @Test func scopesDoNotSeeEachOther() async throws {
        let path = StoreTestFolder.make("scope").appendingPathComponent("cache.sqlite").path
        let sandbox = try SQLiteCardCache(path: path, scope: Self.scope)
        let production = try SQLiteCardCache(path: path, scope: StoreScope(profile: "production", partnerId: "200001"))
        try await sandbox.addCard(userId: "U1", cardId: "C1", at: Date())
        let journalPath = StoreTestFolder.make("scope-journal").appendingPathComponent("journal.sqlite").path
        try await SQLiteJournal(path: journalPath, scope: Self.scope)
            .openJournal(JournalEntry(kind: .apply, requestId: "app-1", userId: "U1", createdAt: Date()))
        #expect(try await production.cards(of: "U1").isEmpty)
        #expect(try await production.cardholders().isEmpty)
        #expect(try await SQLiteJournal(path: journalPath, scope: StoreScope(profile: "production", partnerId: "200001"))
            .pendingJournal(userId: nil).isEmpty)
        #expect(try await sandbox.cards(of: "U1").count == 1)
        try await production.addCard(userId: "U1", cardId: "C1", at: Date())
        try await production.forgetCardholder(userId: "U1")
        #expect(try await sandbox.cards(of: "U1").count == 1, "forgetting in one scope leaves the other")
    }
}
