import Foundation
import MuseCardKit

/// Card endpoints: query, status changes, phone, limit, PIN, sensitive info.
extension SandboxCore {
    /// Runs `body` on the card book after issuing the cards whose audit has passed by `now`
    /// (the sandbox clock's reading when not given).
    func withBook<Value>(at now: Date? = nil, _ body: (inout CardBook) throws(Rejection) -> Value) throws(Rejection) -> Value {
        let now = now ?? self.now
        let outcome: Result<Value, Rejection> = book.withLock { book in
            book.settle(now: now)
            do throws(Rejection) { return .success(try body(&book)) } catch { return .failure(error) }
        }
        return try outcome.get()
    }

    func query(_ fields: FieldReader) throws(Rejection) -> JSONValue {
        let user = try fields.id("user_id"), cardId = try fields.id("card_id")
        return try withBook { book throws(Rejection) in try book.card(cardId, of: user).record }
    }

    /// Activate, activate-physical, lock, unlock: `{user_id, card_id, card_status}`.
    func statusChange(_ fields: FieldReader,
                      _ action: (inout CardBook, String, String) throws(Rejection) -> SandboxCard) throws(Rejection) -> JSONValue {
        let user = try fields.id("user_id"), cardId = try fields.id("card_id")
        let card = try withBook { book throws(Rejection) in try action(&book, cardId, user) }
        return ["user_id": .string(user), "card_id": .string(cardId), "card_status": .string(card.status.rawValue)]
    }

    func updatePhone(_ fields: FieldReader) throws(Rejection) -> JSONValue {
        let user = try fields.id("user_id"), cardId = try fields.id("card_id")
        let phone = try fields.required("phone_number"), area = try fields.required("phone_area_code")
        try fields.check { () throws(MusePayError) in try FieldRules.phone(phone) }
        try fields.check { () throws(MusePayError) in try FieldRules.areaCode(area) }
        _ = try withBook { book throws(Rejection) in try book.updatePhone(cardId, user: user, areaCode: area, phone: phone) }
        return ["user_id": .string(user), "card_id": .string(cardId), "status": "SUCCESS"]
    }

    /// No `data` in the answer, as the service does.
    func limitChange(_ fields: FieldReader) throws(Rejection) -> JSONValue? {
        let user = try fields.id("user_id"), cardId = try fields.id("card_id")
        let text = try fields.required("daily_purchase_limit")
        let amount: DecimalAmount
        do { amount = try DecimalAmount(parsing: text) } catch { throw .from(error) }
        try withBook { book throws(Rejection) in try book.changeLimit(cardId, user: user, limit: amount.text) }
        return nil
    }

    /// Decrypts and checks the PIN, keeps only the time it was set; no `data` in the answer.
    func changePIN(_ fields: FieldReader) throws(Rejection) -> JSONValue? {
        let user = try fields.id("user_id"), cardId = try fields.id("card_id")
        let sealed = try fields.required("card_pin")
        _ = try withBook { book throws(Rejection) in
            try book.checked(cardId, user: user, action: "change-pin", allowed: [.active, .locked], needs: "ACTIVE or LOCK")
        }
        try PINDecryptor.isValidPIN(sealed, keyDER: platformKeyDER)
        let now = self.now
        try withBook(at: now) { book throws(Rejection) in try book.markPINSet(cardId, user: user, now: now) }
        return nil
    }

    /// A one-time URL on this sandbox that shows PAN, expiry and CVV once.
    func sensitiveInfo(_ fields: FieldReader) throws(Rejection) -> JSONValue {
        let user = try fields.id("user_id"), cardId = try fields.id("card_id")
        let ip = try fields.required("ip_address")
        try fields.check { () throws(MusePayError) in try FieldRules.ipAddress(ip) }
        let card = try withBook { book throws(Rejection) in
            try book.checked(cardId, user: user, action: "card-sensitive-info", allowed: [.active], needs: "ACTIVE")
        }
        let token = vault.store(card.secretPayload)
        let base = baseURL.withLock { $0 }
        return ["url": .string("\(base)/_sandbox/reveal/\(token)"), "expiry": .string(card.expiryDate)]
    }

    func pinModel(_ fields: FieldReader) throws(Rejection) -> JSONValue {
        let user = try fields.id("user_id"), cardId = try fields.id("card_id")
        _ = try withBook { book throws(Rejection) in try book.card(cardId, of: user) }
        return ["change_pin_model": "API"]
    }

    func txnVerification(_ fields: FieldReader, outcome: String) throws(Rejection) -> JSONValue {
        let user = try fields.id("user_id"), cardId = try fields.id("card_id")
        let requestId = try fields.id("request_id")
        _ = try fields.required("token")
        _ = try withBook { book throws(Rejection) in try book.card(cardId, of: user) }
        return ["user_id": .string(user), "card_id": .string(cardId), "request_id": .string(requestId), "result": .string(outcome)]
    }
}
