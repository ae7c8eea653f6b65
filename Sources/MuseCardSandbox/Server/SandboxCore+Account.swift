import Foundation
import MuseCardKit

/// Account endpoints: a card's transactions (made up, the same every time) and a cardholder's profile.
extension SandboxCore {
    func transactions(_ fields: FieldReader) throws(Rejection) -> JSONValue {
        let user = try fields.id("user_id"), cardId = try fields.id("card_id")
        let page = try fields.integer("page_number", range: 1...1_000_000) ?? 1
        let size = try fields.integer("page_size", range: 1...1000) ?? 50
        let status = try fields.optional("tx_status"), type = try fields.optional("tx_type")
        let from = try DemoTransactions.bound(fields.optional("date_range_from"), field: "date_range_from", endOfDay: false)
        let to = try DemoTransactions.bound(fields.optional("date_range_to"), field: "date_range_to", endOfDay: true)
        let card = try withBook { book throws(Rejection) in try book.card(cardId, of: user) }
        let all = DemoTransactions.list(for: card, now: now).filter { item in
            let created = Int64(item["txCreatedAt"]?.scalarText ?? "") ?? 0
            return (status == nil || item["txStatus"]?.scalarText == status) && (type == nil || item["txType"]?.scalarText == type)
                && (from.map { created >= $0 } ?? true) && (to.map { created <= $0 } ?? true)
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
}
