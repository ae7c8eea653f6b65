import Foundation
import MuseCardKit
import MuseCardStore
import Testing

/// What every `CardCache` driver does as the cardholder index: profiles, finding a cardholder by
/// xid, email, name or phone, and importing the partner's own list of cards.
struct CardIndexContractTests {
    static let t0 = CardCacheContractTests.t0

    static func kaethe() -> CardholderProfile {
        CardholderProfile(userId: "U1", xid: "KM-1", firstName: "Käthe", lastName: "Müller", email: "Kaethe@Example.org",
                          phone: "4915112345678", kycStatus: "PASSED")
    }

    @Test(arguments: StoreDriver.allCases)
    func aProfileIsKeptAndAnswersWithoutAValueKeepTheOldOne(driver: StoreDriver) async throws {
        try await driver.run { place in
            let cache = try await place.cache()
            #expect(try await cache.profile(of: "U1") == nil)
            try await cache.saveProfile(Self.kaethe())
            #expect(try await cache.profile(of: "U1") == Self.kaethe())
            #expect(try await cache.cardholders().map(\.userId) == ["U1"], "a profile makes the cardholder known")
            try await cache.saveProfile(CardholderProfile(userId: "U1", email: "k.mueller@example.org", kycStatus: "REJECTED"))
            var expected = Self.kaethe()
            expected.email = "k.mueller@example.org"
            expected.kycStatus = "REJECTED"
            #expect(try await cache.profile(of: "U1") == expected)
            #expect(try await cache.profile(of: "U2") == nil)
        }
    }

    @Test(arguments: StoreDriver.allCases)
    func aCardholderIsFoundByXidEmailNameAndPhone(driver: StoreDriver) async throws {
        try await driver.run { place in
            let cache = try await place.cache()
            try await cache.saveProfile(Self.kaethe())
            try await cache.saveProfile(CardholderProfile(userId: "U2", xid: "KM-2", firstName: "Otto", lastName: "Müllerschön",
                                                          email: "otto@example.org", phone: "4930555000"))
            try await cache.recordOpened(userId: "U3", label: "Kathrin from the Lyon ticket", at: Self.t0)
            var record = CardRecord(userId: "U4", cardId: "C4", status: CardStatus(rawValue: "ACTIVE"))
            record.phoneNumber = "17700001111"
            try await cache.saveRecord(record, fetchedAt: Self.t0)

            #expect(try await cache.searchCardholders(.xid("KM-1")) == ["U1"])
            #expect(try await cache.searchCardholders(.xid("km-1")).isEmpty, "an xid is exact")
            #expect(try await cache.searchCardholders(.email("kaethe@example.ORG")) == ["U1"], "an email without case")
            #expect(try await cache.searchCardholders(.email("example.org")).isEmpty, "an email is whole")
            #expect(try await cache.searchCardholders(.name("müller")) == ["U1", "U2"], "any part of the name")
            #expect(try await cache.searchCardholders(.name("KÄTHE MÜ")) == ["U1"], "first and last name, without case, beyond ASCII")
            #expect(try await cache.searchCardholders(.name("lyon")) == ["U3"], "the label counts as a name")
            #expect(try await cache.searchCardholders(.name("50%")).isEmpty, "typed text is text, not a pattern")
            #expect(try await cache.searchCardholders(.name("M_ller")).isEmpty, "typed text is text, not a pattern")
            #expect(try await cache.searchCardholders(.phone("4915112345678")) == ["U1"], "with the country code")
            #expect(try await cache.searchCardholders(.phone("15112345678")) == ["U1"], "without it")
            #expect(try await cache.searchCardholders(.phone("015112345678")) == ["U1"], "with a trunk zero")
            #expect(try await cache.searchCardholders(.phone("17700001111")) == ["U4"], "the phone of a cached card record")
            #expect(try await cache.searchCardholders(.phone("4417700001111")) == ["U4"])
            #expect(try await cache.searchCardholders(.phone("99999999")).isEmpty)
        }
    }

    @Test(arguments: StoreDriver.allCases)
    func anImportAddsNewCardsInFileOrderAndTwiceAddsNothing(driver: StoreDriver) async throws {
        try await driver.run { place in
            let cache = try await place.cache()
            try await cache.recordOpened(userId: "U1", label: "typed by an agent", at: Self.t0)
            try await cache.saveRecord(CardCacheContractTests.record("U1", "C0"), fetchedAt: Self.t0)
            let rows = [
                CardImportRow(userId: "U1", cardId: "C9"), CardImportRow(userId: "U2", cardId: "C5", label: "Grace Hopper"),
                CardImportRow(userId: "U1", cardId: "C0"), CardImportRow(userId: "U1", cardId: "C3", label: "Ada Lovelace"),
                CardImportRow(userId: "U2", cardId: "C1"),
            ]
            let at = Self.t0.addingTimeInterval(60)
            #expect(try await cache.importCards(rows, at: at) == ImportCount(added: 4, known: 1))
            #expect(try await cache.cards(of: "U1").map(\.cardId) == ["C0", "C9", "C3"])
            #expect(try await cache.cards(of: "U2").map(\.cardId) == ["C5", "C1"])
            #expect(try await cache.card(userId: "U1", cardId: "C0")?.record == CardCacheContractTests.record("U1", "C0"), "a known card keeps its record")
            #expect(try await cache.card(userId: "U1", cardId: "C9")?.addedAt == at)
            let holders = try await cache.cardholders()
            #expect(holders.map(\.userId) == ["U1", "U2"])
            #expect(holders.map(\.label) == ["Ada Lovelace", "Grace Hopper"], "the file's label replaces the one known")
            #expect(holders.map(\.lastOpened) == [Self.t0, nil], "an import opens nobody")
            #expect(holders.map(\.cardCount) == [3, 2])
            #expect(try await cache.searchCardholders(.name("hopper")) == ["U2"])

            #expect(try await cache.importCards(rows, at: at.addingTimeInterval(60)) == ImportCount(added: 0, known: 5))
            #expect(try await cache.cards(of: "U1").map(\.cardId) == ["C0", "C9", "C3"])
            #expect(try await cache.card(userId: "U1", cardId: "C9")?.addedAt == at, "importing again changes nothing")
            #expect(try await cache.importCards([], at: at) == ImportCount())
        }
    }
}

extension CardIndexContractTests {
    @Test(arguments: StoreDriver.fallible)
    func aBatchTheStoreRefusesLeavesNoneOfItsRows(driver: StoreDriver) async throws {
        try await driver.run { place in
            let cache = try await place.cache()
            try await cache.addCard(userId: "U1", cardId: "C0", at: Self.t0)
            let refuse = try #require(place.refuseCard)
            try await refuse("BOOM")
            let rows = [CardImportRow(userId: "U1", cardId: "C1", label: "Ada"), CardImportRow(userId: "U2", cardId: "C2"),
                        CardImportRow(userId: "U1", cardId: "BOOM"), CardImportRow(userId: "U3", cardId: "C3")]
            await #expect(throws: (any Error).self) { _ = try await cache.importCards(rows, at: Self.t0) }
            #expect(try await cache.cards(of: "U1").map(\.cardId) == ["C0"])
            #expect(try await cache.cardholders().map(\.userId) == ["U1"], "no cardholder of the batch stays")
            #expect(try await cache.cardholders().first?.label == nil, "nor a label")
        }
    }
}
