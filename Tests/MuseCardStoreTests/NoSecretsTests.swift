import Foundation
import MuseCardKit
import MuseCardStore
import Testing

/// Whatever callers hand it, the cache file never holds a PAN, PIN or sensitive-info URL.
struct NoSecretsTests {
    @Test func rawCacheBytesHoldNoSecrets() async throws {
        let path = StoreTestFolder.make("secrets").appendingPathComponent("cache.sqlite").path
        let cache = try SQLiteCardCache(path: path, scope: StoreScope(profile: "sandbox", partnerId: "200001"))
        var record = CardRecord(userId: "U1", cardId: "C1", status: CardStatus(rawValue: "ACTIVE"))
        record.last4 = "1111"
        record.embossedName = "ADA MARKER-NAME"
        try await cache.saveRecord(record, fetchedAt: Date())
        let journalPath = path.replacingOccurrences(of: "cache.sqlite", with: "journal.sqlite")
        let journal = try SQLiteJournal(path: journalPath, scope: StoreScope(profile: "sandbox", partnerId: "200001"))
        try await journal.openJournal(JournalEntry(kind: .apply, requestId: "app-1", userId: "U1", parameters: [
            "card_product_id": "P1", "card_pin": "4711", "new_pin": "8522", "url": "https://reveal.example/SECRETURL",
            "sensitive_info_url": "x-SECRETURL2", "pan": "4111111111111111", "cvv": "987", "note": "5500 0000 0000 0004",
        ], createdAt: Date()))
        let pending = try await journal.pendingJournal(userId: "U1")
        #expect(pending.first?.parameters == ["card_product_id": "P1"])

        // Everything SQLite wrote: the file and its write-ahead log.
        var bytes = Data()
        for file in [path, path + "-wal", journalPath, journalPath + "-wal"] {
            if let data = try? Data(contentsOf: URL(fileURLWithPath: file)) { bytes.append(data) }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("ADA MARKER-NAME"), "the check reads real content")
        for secret in ["4711", "8522", "SECRETURL", "4111111111111111", "5500 0000 0000 0004", "\"987\""] {
            #expect(!text.contains(secret), "\(secret) reached the cache file")
        }
    }

    /// The filter by value: card numbers in any spelling, URLs in any case; look-alikes stay.
    @Test func secretValuesAreDroppedWhateverTheKeyAndLookAlikesAreKept() {
        let kept = SecretFilter.strip([
            "note": "4111-1111-1111-1111", "memo": "HTTPS://reveal.example/x", "link": "Http://a", "ref": "4111 1111 1111 1112",
            "phone_number": "4111111111111111", "reason": "LOST", "count": "1234567890123", "long": "41111111111111111111",
            "card_id": "BC00000001", "who": "4111111111111111\u{301}",
        ])
        #expect(kept == ["ref": "4111 1111 1111 1112", "phone_number": "4111111111111111", "reason": "LOST",
                         "long": "41111111111111111111", "card_id": "BC00000001", "who": "4111111111111111\u{301}",
                         "count": "1234567890123"], "a 20-digit number, a failed Luhn check and a phone are not card numbers")
        let unchanged = ["reason": "COMPROMISED", "card_id": "BC00000001"]
        #expect(SecretFilter.strip(unchanged) == unchanged)
    }
}
