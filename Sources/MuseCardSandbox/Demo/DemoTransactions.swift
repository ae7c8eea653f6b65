import Foundation
import MuseCardKit

/// Made-up transactions of a demo card, the same every time for the same card and day: mostly
/// posted charges, a top-up, some pending, some declined (Käthe Müller's first card was declined
/// at a shop yesterday), in the service's shapes (camel-case keys, amounts as numbers, epoch ms).
enum DemoTransactions {
    static let merchants: [(name: String, mcc: String, country: String, category: String)] = [
        ("Bäckerei Schmidt", "5462", "DE", "Bakeries"), ("北京咖啡", "5814", "CN", "Fast food"),
        ("Metro Transit", "4111", "US", "Transport"), ("Online Books", "5942", "GB", "Book stores"),
        ("Kaufhaus Zentrum", "5311", "DE", "Department stores"), ("Hotel Lumière", "7011", "FR", "Lodging"),
    ]

    /// Newest first; Käthe's first card has enough for more than one page of 50.
    static func list(for card: SandboxCard, now: Date) -> [JSONValue] {
        guard card.status != .initial && card.status != .pendingIssue else { return [] }
        var random = SeededRandom(seed: UInt64(card.cardId.dropFirst(2)) ?? 7)
        let count = card.cardId == "VC1000000001" ? 75 : 6 + Int(random.next() % 8)
        let newest = Int64(now.timeIntervalSince1970 * 1000) - 3_600_000
        return (0..<count).map { index in
            let merchant = merchants[Int(random.next() % UInt64(merchants.count))]
            let amount = "\(1 + random.next() % 200).\(10 + random.next() % 90)"
            let created = newest - Int64(index) * 3_600_000 * 13
            let topUp = index == count - 1
            // The third newest, a day ago, is the decline of the ticket ("declined at a shop yesterday"); a few more by chance.
            let declined = !topUp && (index == 2 || random.next() % 9 == 0)
            let pending = !declined && !topUp && index == 0
            let status = declined ? "DECLINED" : pending ? "PENDING" : "POSTED"
            // Hotels hold more than they charge: the authorised amount differs.
            let authorised = merchant.mcc == "7011" && !declined ? "\(2 + random.next() % 300).00" : amount
            return .object([
                "detailId": .string("TX\(card.cardId.dropFirst(2))\(String(format: "%03d", index))"),
                "txAmount": .number(amount), "txCurrency": .string(card.currency),
                "txCreatedAt": .string(String(created)),
                "txPostedAt": status == "POSTED" ? .string(String(created + 7_200_000)) : .null,
                "txStatus": .string(status), "txType": .string(topUp ? "TOP_UP" : "CHARGE"),
                "declineReason": declined ? .string(index == 2 ? "INSUFFICIENT_FUNDS" : "SUSPECTED_FRAUD") : .null,
                "merchant": topUp ? .null : .object(["name": .string(merchant.name), "mcc": .string(merchant.mcc),
                                                     "country": .string(merchant.country), "category": .string(merchant.category)]),
                "authorization": .object(["amount": .number(authorised), "currency": .string(card.currency)]),
            ])
        }
    }

    /// A date bound in epoch milliseconds: `YYYY-MM-DD` (UTC, start or end of day) or epoch ms.
    static func bound(_ text: String?, field: String, endOfDay: Bool) throws(Rejection) -> Int64? {
        guard let text else { return nil }
        if let ms = Int64(text) { return ms }
        guard let day = try? Date(text, strategy: .iso8601.year().month().day().dateSeparator(.dash)) else {
            throw .invalid(field, "must be YYYY-MM-DD or epoch milliseconds")
        }
        return Int64(day.timeIntervalSince1970 * 1000) + (endOfDay ? 86_399_999 : 0)
    }
}
