import Foundation
import MuseCardKit

/// Account endpoints: a card's transactions (made up, the same every time) and a cardholder's profile.
extension SandboxCore {
    func transactions(_ fields: FieldReader) throws(Rejection) -> JSONValue {
        let user = try fields.id("user_id"), cardId = try fields.id("card_id")
        let page = try fields.integer("page_number", range: 1...1_000_000) ?? 1
        let size = try fields.integer("page_size", range: 1...1000) ?? 50
        let status = try fields.optional("tx_status"), type = try fields.optional("tx_type")
        let card = try withBook { book throws(Rejection) in try book.card(cardId, of: user) }
        let all = SandboxCore.madeUpTransactions(for: card).filter { item in
            (status == nil || item["txStatus"]?.scalarText == status) && (type == nil || item["txType"]?.scalarText == type)
        }
        let start = min(all.count, (page - 1) * size)
        let slice = Array(all[start..<min(all.count, start + size)])
        return ["transactions": .array(slice), "page_number": .number(String(page)), "page_size": .number(String(size)),
                "total": .number(String(all.count))]
    }

    func cardUser(_ fields: FieldReader) throws(Rejection) -> JSONValue {
        let xid = try fields.id("user_xid")
        let userId = try fields.optionalId("user_id")
        let holder = try withBook { book throws(Rejection) -> Cardholder in
            guard let found = book.holders.values.first(where: { $0.userXid == xid || $0.userId == xid }),
                  userId == nil || userId == found.userId else {
                throw .notExist("no cardholder with user_xid \(xid)")
            }
            return found
        }
        return holder.json
    }

    /// A few transactions derived from the card number, newest first.
    static func madeUpTransactions(for card: SandboxCard) -> [JSONValue] {
        guard card.status != .initial && card.status != .pendingIssue else { return [] }
        var random = SeededRandom(seed: UInt64(card.cardId.dropFirst(2)) ?? 7)
        let merchants: [(String, String, String, String)] = [
            ("Bäckerei Schmidt", "5462", "DE", "Bakeries"), ("北京咖啡", "5814", "CN", "Fast food"),
            ("Metro Transit", "4111", "US", "Transport"), ("Online Books", "5942", "GB", "Book stores"),
        ]
        let count = 3 + Int(random.next() % 5)
        let base = card.issueTimeMs + 86_400_000
        return (0..<count).reversed().map { index in
            let merchant = merchants[Int(random.next() % UInt64(merchants.count))]
            let amount = "\(1 + random.next() % 200).\(10 + random.next() % 90)"
            let created = base + Int64(index) * 3_600_000 * 26
            let topUp = index == 0
            let pending = index == count - 1
            return .object([
                "detailId": .string("TX\(card.cardId.dropFirst(2))\(index)"), "txAmount": .number(amount),
                "txCurrency": .string(card.currency), "txCreatedAt": .string(String(created)),
                "txPostedAt": pending ? .null : .string(String(created + 7_200_000)),
                "txStatus": .string(pending ? "PENDING" : "POSTED"), "txType": .string(topUp ? "TOP_UP" : "CHARGE"),
                "merchant": topUp ? .null : .object(["name": .string(merchant.0), "mcc": .string(merchant.1),
                                                      "country": .string(merchant.2), "category": .string(merchant.3)]),
                "authorization": .object(["amount": .number(amount), "currency": .string(card.currency)]),
            ])
        }
    }
}
