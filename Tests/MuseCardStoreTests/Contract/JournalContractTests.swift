import Foundation
import MuseCardKit
import MuseCardStore
import Testing

/// What every `JournalStore` driver does: entries written before a request leaves, pending ones
/// oldest first, settled ones gone from the pending list, no secret ever kept.
struct JournalContractTests {
    static let t0 = Date(timeIntervalSinceReferenceDate: 800_000_000.25)

    @Test(arguments: StoreDriver.allCases)
    func pendingEntriesComeOldestFirstPerCardholderOrAll(driver: StoreDriver) async throws {
        try await driver.run { place in
            let journal = try await place.journal()
            try await journal.openJournal(JournalEntry(kind: .replace, requestId: "rep-2", userId: "U1", cardId: "C1",
                                                       parameters: ["replace_reason": "LOST"], createdAt: Self.t0.addingTimeInterval(5)))
            try await journal.openJournal(JournalEntry(kind: .apply, requestId: "app-1", userId: "U1",
                                                       parameters: ["card_product_id": "P1", "card_level": "1"], createdAt: Self.t0))
            try await journal.openJournal(JournalEntry(kind: .apply, requestId: "app-3", userId: "U2", createdAt: Self.t0))
            try await journal.openJournal(JournalEntry(kind: .apply, requestId: "app-0", userId: "U2", createdAt: Self.t0))
            #expect(try await journal.pendingJournal(userId: "U1").map(\.requestId) == ["app-1", "rep-2"])
            #expect(try await journal.pendingJournal(userId: nil).map(\.requestId) == ["app-1", "app-3", "app-0", "rep-2"],
                    "the same time keeps the order written")
            #expect(try await journal.pendingJournal(userId: "U404").isEmpty)
            let first = try #require(try await journal.pendingJournal(userId: "U1").first)
            #expect(first == JournalEntry(kind: .apply, requestId: "app-1", userId: "U1", parameters: ["card_product_id": "P1", "card_level": "1"],
                                          createdAt: Self.t0), "read back as written")
        }
    }

    @Test(arguments: StoreDriver.allCases)
    func settlingAnEntryTakesItOffThePendingListKeepingWhatItDoesNotSay(driver: StoreDriver) async throws {
        try await driver.run { place in
            let journal = try await place.journal()
            try await journal.openJournal(JournalEntry(kind: .replace, requestId: "rep-1", userId: "U1", cardId: "C1",
                                                       parameters: ["replace_reason": "LOST"], detail: "sent", createdAt: Self.t0))
            try await journal.openJournal(JournalEntry(kind: .apply, requestId: "app-1", userId: "U1", createdAt: Self.t0))
            try await journal.openJournal(JournalEntry(kind: .apply, requestId: "app-2", userId: "U1", createdAt: Self.t0))
            // Still pending, annotated: a nil card id or detail keeps the old one.
            try await journal.updateJournal(requestId: "rep-1", state: .pending, cardId: nil, detail: nil, at: Self.t0.addingTimeInterval(3))
            var entry = try #require(try await journal.pendingJournal(userId: "U1").first { $0.requestId == "rep-1" })
            #expect(entry.cardId == "C1" && entry.detail == "sent" && entry.updatedAt == Self.t0.addingTimeInterval(3) && entry.createdAt == Self.t0)
            try await journal.updateJournal(requestId: "app-1", state: .pending, cardId: "C7", detail: "apply_id A1", at: Self.t0.addingTimeInterval(4))
            entry = try #require(try await journal.pendingJournal(userId: "U1").first { $0.requestId == "app-1" })
            #expect(entry.cardId == "C7" && entry.detail == "apply_id A1")

            try await journal.updateJournal(requestId: "app-1", state: .done, cardId: nil, detail: nil, at: Self.t0.addingTimeInterval(9))
            try await journal.updateJournal(requestId: "app-2", state: .failed, cardId: nil, detail: "refused 5004", at: Self.t0.addingTimeInterval(9))
            #expect(try await journal.pendingJournal(userId: nil).map(\.requestId) == ["rep-1"])
            try await journal.updateJournal(requestId: "nope", state: .done, cardId: nil, detail: nil, at: Self.t0)
            #expect(try await journal.pendingJournal(userId: nil).map(\.requestId) == ["rep-1"], "an unknown request id changes nothing")

            // Opening the same request id again starts it afresh (a resumed request keeps its id).
            try await journal.openJournal(JournalEntry(kind: .apply, requestId: "app-1", userId: "U1", createdAt: Self.t0.addingTimeInterval(20)))
            #expect(try await journal.pendingJournal(userId: "U1").map(\.requestId) == ["rep-1", "app-1"])
        }
    }

    @Test(arguments: StoreDriver.allCases)
    func secretParametersAreNeverKept(driver: StoreDriver) async throws {
        try await driver.run { place in
            let journal = try await place.journal()
            try await journal.openJournal(JournalEntry(kind: .apply, requestId: "app-1", userId: "U1", parameters: [
                "card_product_id": "P1", "card_pin": "4711", "new_pin": "8522", "url": "https://reveal.example/SECRETURL",
                "sensitive_info_url": "x-SECRETURL2", "pan": "4111111111111111", "cvv": "987", "note": "5500 0000 0000 0004",
                "phone_number": "4111111111111111",
            ], createdAt: Self.t0))
            #expect(try await journal.pendingJournal(userId: "U1").first?.parameters == ["card_product_id": "P1", "phone_number": "4111111111111111"],
                    "a phone number that passes the Luhn check is still a phone number")
        }
    }

    @Test(arguments: StoreDriver.allCases)
    func twoScopesNeverSeeEachOthersEntries(driver: StoreDriver) async throws {
        try await driver.run { place in
            let sandbox = try await place.journal(StoreBacking.sandbox)
            try await sandbox.openJournal(JournalEntry(kind: .apply, requestId: "app-1", userId: "U1", createdAt: Self.t0))
            for scope in [StoreBacking.production, StoreBacking.otherPartner] {
                let other = try await place.journal(scope)
                #expect(try await other.pendingJournal(userId: nil).isEmpty)
                try await other.updateJournal(requestId: "app-1", state: .done, cardId: nil, detail: nil, at: Self.t0)
            }
            #expect(try await place.journal(StoreBacking.sandbox).pendingJournal(userId: nil).map(\.requestId) == ["app-1"],
                    "settling in another scope leaves this one pending")
        }
    }
}
