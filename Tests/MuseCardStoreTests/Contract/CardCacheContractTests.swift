import Foundation
import MuseCardKit
import MuseCardStore
import Testing

/// What every `CardCache` driver does, written once and run against each of them: the list of a
/// cardholder's cards, their records and errors, forgetting, and scopes that never meet.
struct CardCacheContractTests {
    static let t0 = Date(timeIntervalSinceReferenceDate: 800_000_000.125)

    static func record(_ user: String = "U1", _ card: String, status: String = "ACTIVE", phone: String? = nil) -> CardRecord {
        var record = CardRecord(userId: user, cardId: card, status: CardStatus(rawValue: status))
        record.last4 = "4242"
        record.dailyPurchaseLimit = Decimal(string: "500.5")
        record.phoneNumber = phone
        return record
    }

    @Test(arguments: StoreDriver.allCases)
    func cardsComeBackInTheOrderAddedAndAddingTwiceKeepsTheFirst(driver: StoreDriver) async throws {
        try await driver.run { place in
            let cache = try await place.cache()
            try await cache.addCard(userId: "U1", cardId: "C2", at: Self.t0)
            try await cache.addCard(userId: "U1", cardId: "C1", at: Self.t0.addingTimeInterval(1))
            try await cache.addCard(userId: "U1", cardId: "C3", at: Self.t0.addingTimeInterval(1))
            try await cache.addCard(userId: "U1", cardId: "C2", at: Self.t0.addingTimeInterval(2))
            try await cache.addCard(userId: "U2", cardId: "C9", at: Self.t0)
            let cards = try await cache.cards(of: "U1")
            #expect(cards.map(\.cardId) == ["C2", "C1", "C3"], "the same time keeps the order added")
            #expect(cards.first?.addedAt == Self.t0, "a second add keeps the first time, to the fraction of a second")
            #expect(cards.allSatisfy { $0.userId == "U1" && $0.record == nil && $0.lastError == nil })
            #expect(try await cache.cards(of: "U404").isEmpty)
        }
    }

    @Test(arguments: StoreDriver.allCases)
    func pagesCutTheSameListInTheSameOrder(driver: StoreDriver) async throws {
        try await driver.run { place in
            let cache = try await place.cache()
            // Ids whose sort order differs from the order added.
            let ids = (0..<25).map { "C\((($0 * 7) % 25) + 100)" }
            for (index, id) in ids.enumerated() { try await cache.addCard(userId: "U1", cardId: id, at: Self.t0.addingTimeInterval(Double(index / 5))) }
            try await cache.addCard(userId: "U2", cardId: "X1", at: Self.t0)
            var paged: [String] = []
            for offset in stride(from: 0, to: 30, by: 10) {
                let page = try await cache.cards(of: "U1", limit: 10, offset: offset)
                #expect(page.count == min(10, 25 - offset))
                paged += page.map(\.cardId)
            }
            #expect(paged == ids)
            #expect(try await cache.cards(of: "U1").map(\.cardId) == ids)
            #expect(try await cache.cards(of: "U1", limit: 10, offset: 25).isEmpty, "past the end")
            #expect(try await cache.cards(of: "U1", limit: 0, offset: 0).isEmpty)
            #expect(try await cache.cards(of: "U1", limit: 3, offset: 22).map(\.cardId) == Array(ids[22...]))
            // The size comes without the pages: a long list's title and scroll bar before it is read.
            #expect(try await cache.cardCount(of: "U1") == 25)
            #expect(try await cache.cardCount(of: "U2") == 1)
            #expect(try await cache.cardCount(of: "nobody") == 0)
            try await cache.forgetCard(userId: "U1", cardId: ids[0])
            #expect(try await cache.cardCount(of: "U1") == 24)
        }
    }

    @Test(arguments: StoreDriver.allCases)
    func knowsAndCardAnswerForTheCardholdersOwnCardsOnly(driver: StoreDriver) async throws {
        try await driver.run { place in
            let cache = try await place.cache()
            try await cache.addCard(userId: "U1", cardId: "C1", at: Self.t0)
            try await cache.saveRecord(Self.record("U1", "C2", status: "LOCK"), fetchedAt: Self.t0)
            #expect(try await cache.knows(userId: "U1", cardId: "C1"))
            #expect(try await cache.knows(userId: "U1", cardId: "C2"))
            #expect(try await !cache.knows(userId: "U2", cardId: "C1"), "a card id under another cardholder is not known")
            #expect(try await !cache.knows(userId: "U1", cardId: "C404"))
            #expect(try await cache.card(userId: "U1", cardId: "C2")?.record?.status == CardStatus(rawValue: "LOCK"))
            #expect(try await cache.card(userId: "U1", cardId: "C1")?.record == nil)
            #expect(try await cache.card(userId: "U2", cardId: "C2") == nil)
        }
    }

    @Test(arguments: StoreDriver.allCases)
    func aRecordRoundTripsAndClearsTheLastError(driver: StoreDriver) async throws {
        try await driver.run { place in
            let cache = try await place.cache()
            try await cache.saveError(userId: "U1", cardId: "C1", message: "refused 5004 USER_STATUS_INVALID", at: Self.t0)
            var card = try #require(try await cache.card(userId: "U1", cardId: "C1"), "an error adds an unknown card")
            #expect(card.lastError == "refused 5004 USER_STATUS_INVALID" && card.lastErrorAt == Self.t0 && card.record == nil)
            try await cache.saveError(userId: "U1", cardId: "C1", message: "no answer in time", at: Self.t0.addingTimeInterval(1))
            card = try #require(try await cache.card(userId: "U1", cardId: "C1"))
            #expect(card.lastError == "no answer in time" && card.lastErrorAt == Self.t0.addingTimeInterval(1), "the last error wins")

            try await cache.saveRecord(Self.record("U1", "C1"), fetchedAt: Self.t0.addingTimeInterval(5))
            card = try #require(try await cache.cards(of: "U1").first)
            #expect(card.record == Self.record("U1", "C1"))
            #expect(card.fetchedAt == Self.t0.addingTimeInterval(5))
            #expect(card.lastError == nil && card.lastErrorAt == nil, "a good fetch clears the error")
            #expect(card.addedAt == Self.t0, "still the time it was first added")

            // An error after a good fetch keeps the record it had.
            try await cache.saveError(userId: "U1", cardId: "C1", message: "reset by peer", at: Self.t0.addingTimeInterval(9))
            card = try #require(try await cache.card(userId: "U1", cardId: "C1"))
            #expect(card.record == Self.record("U1", "C1") && card.lastError == "reset by peer")
            // A newer record replaces the old one.
            try await cache.saveRecord(Self.record("U1", "C1", status: "LOCK"), fetchedAt: Self.t0.addingTimeInterval(10))
            #expect(try await cache.card(userId: "U1", cardId: "C1")?.record?.status == CardStatus(rawValue: "LOCK"))
            #expect(try await cache.cards(of: "U1").count == 1)
        }
    }

    @Test(arguments: StoreDriver.allCases)
    func cardholdersMostRecentlyOpenedFirstKeepingLabels(driver: StoreDriver) async throws {
        try await driver.run { place in
            let cache = try await place.cache()
            try await cache.recordOpened(userId: "U1", label: "Ada", at: Self.t0)
            try await cache.recordOpened(userId: "U2", label: nil, at: Self.t0.addingTimeInterval(10))
            try await cache.addCard(userId: "U4", cardId: "C4", at: Self.t0)
            try await cache.addCard(userId: "U3", cardId: "C3", at: Self.t0)
            try await cache.addCard(userId: "U3", cardId: "C5", at: Self.t0)
            try await cache.recordOpened(userId: "U1", label: nil, at: Self.t0.addingTimeInterval(20))
            try await cache.labelCardholder(userId: "U3", label: "Grace")
            let holders = try await cache.cardholders()
            #expect(holders.map(\.userId) == ["U1", "U2", "U3", "U4"], "opened ones newest first, then never opened by id")
            #expect(holders.map(\.label) == ["Ada", nil, "Grace", nil], "a nil label keeps the old one")
            #expect(holders.map(\.lastOpened) == [Self.t0.addingTimeInterval(20), Self.t0.addingTimeInterval(10), nil, nil],
                    "a label does not mark a cardholder opened")
            #expect(holders.map(\.cardCount) == [0, 0, 2, 1])
            try await cache.recordOpened(userId: "U3", label: "Grace H.", at: Self.t0.addingTimeInterval(30))
            #expect(try await cache.cardholders().first == CardholderEntry(userId: "U3", label: "Grace H.", lastOpened: Self.t0.addingTimeInterval(30), cardCount: 2))
        }
    }

    @Test(arguments: StoreDriver.allCases)
    func forgettingACardACardholderOrEverything(driver: StoreDriver) async throws {
        try await driver.run { place in
            let cache = try await place.cache()
            try await cache.recordOpened(userId: "U1", label: "Ada", at: Self.t0)
            try await cache.addCard(userId: "U1", cardId: "C1", at: Self.t0)
            try await cache.saveRecord(Self.record("U1", "C2"), fetchedAt: Self.t0)
            try await cache.saveProfile(CardholderProfile(userId: "U1", xid: "KM-1"))
            try await cache.addCard(userId: "U2", cardId: "C9", at: Self.t0)
            try await cache.addCard(userId: "U2", cardId: "C1", at: Self.t0)

            try await cache.forgetCard(userId: "U1", cardId: "C1")
            #expect(try await cache.cards(of: "U1").map(\.cardId) == ["C2"])
            #expect(try await cache.cards(of: "U2").map(\.cardId) == ["C9", "C1"], "the same card id under another cardholder stays")
            try await cache.forgetCard(userId: "U1", cardId: "C404")

            try await cache.forgetCardholder(userId: "U1")
            #expect(try await cache.cardholders().map(\.userId) == ["U2"])
            #expect(try await cache.cards(of: "U1").isEmpty)
            #expect(try await cache.profile(of: "U1") == nil)
            #expect(try await cache.searchCardholders(.xid("KM-1")).isEmpty)
            try await cache.forgetCardholder(userId: "U404")
            #expect(try await cache.cardholders().count == 1, "forgetting an unknown one is a no-op")

            try await cache.forgetAll()
            #expect(try await cache.cardholders().isEmpty)
            #expect(try await cache.cards(of: "U2").isEmpty)
            try await cache.addCard(userId: "U2", cardId: "C9", at: Self.t0)
            #expect(try await cache.cards(of: "U2").count == 1, "a forgotten index fills again")
        }
    }

    @Test(arguments: StoreDriver.allCases)
    func twoScopesNeverSeeEachOthersCards(driver: StoreDriver) async throws {
        try await driver.run { place in
            let sandbox = try await place.cache(StoreBacking.sandbox)
            let production = try await place.cache(StoreBacking.production)
            let partner = try await place.cache(StoreBacking.otherPartner)
            try await sandbox.recordOpened(userId: "U1", label: "Ada", at: Self.t0)
            try await sandbox.saveRecord(Self.record("U1", "C1", phone: "15112345678"), fetchedAt: Self.t0)
            try await sandbox.saveProfile(CardholderProfile(userId: "U1", xid: "KM-1", firstName: "Ada", email: "ada@example.org", phone: "4915112345678"))
            try await sandbox.saveError(userId: "U1", cardId: "C2", message: "timeout", at: Self.t0)
            for other in [production, partner] {
                #expect(try await other.cardholders().isEmpty)
                #expect(try await other.cards(of: "U1").isEmpty)
                #expect(try await other.cards(of: "U1", limit: 10, offset: 0).isEmpty)
                #expect(try await other.cardCount(of: "U1") == 0)
                #expect(try await !other.knows(userId: "U1", cardId: "C1"))
                #expect(try await other.card(userId: "U1", cardId: "C1") == nil)
                #expect(try await other.profile(of: "U1") == nil)
                for search: CardholderSearch in [.xid("KM-1"), .email("ada@example.org"), .name("Ada"), .phone("15112345678")] {
                    #expect(try await other.searchCardholders(search).isEmpty, "\(search)")
                }
            }
            // The same cardholder in another scope is another cardholder.
            try await production.addCard(userId: "U1", cardId: "P1", at: Self.t0)
            try await production.forgetCardholder(userId: "U1")
            try await partner.addCard(userId: "U1", cardId: "C1", at: Self.t0)
            try await partner.forgetCard(userId: "U1", cardId: "C1")
            try await partner.forgetAll()
            #expect(try await sandbox.cards(of: "U1").map(\.cardId) == ["C1", "C2"], "forgetting in one scope leaves the other")
            #expect(try await sandbox.cardholders().map(\.userId) == ["U1"])
            #expect(try await sandbox.profile(of: "U1")?.xid == "KM-1")
            // Opened again, the store still knows which scope is which.
            #expect(try await place.cache(StoreBacking.sandbox).cards(of: "U1").count == 2)
            #expect(try await place.cache(StoreBacking.production).cards(of: "U1").isEmpty)
        }
    }
}
