import Foundation
import MuseCardKit

/// One card as the sandbox keeps it, secrets included (they leave only through a reveal URL).
struct SandboxCard: Sendable {
    var userId: String
    var cardId: String
    var productId: String
    var cardLevel: String
    var isPhysical: Bool
    var network: String
    var currency: String
    var status: CardStatus
    var embossedName: String
    var phoneAreaCode: String
    var phoneNumber: String
    var pan: String
    var expiryMonth: String
    var expiryYear: String
    var securityCode: String
    var issueTimeMs: Int64
    /// Decimal text, written as a JSON number.
    var balance: String
    var dailyLimit: String
    /// When a PIN was last set; the PIN itself is never kept.
    var pinSetAt: Date?
    var presentTransactions = true
    var noPresentTransactions = true

    /// The `/v1/card/query` answer, quirks included: `card_level` and `issue_time` as
    /// strings, money as numbers, `daily_purchaseLimit` in camel-case.
    var record: JSONValue {
        .object([
            "user_id": .string(userId), "card_id": .string(cardId),
            "phone_number": .string(phoneNumber), "phone_area_code": .string(phoneAreaCode),
            "product_id": .string(productId), "card_level": .string(cardLevel),
            "card_network": .string(network), "card_type": .string(isPhysical ? "physical" : "virtual"),
            "currency": .string(currency), "card_no_last4": .string(String(pan.suffix(4))),
            "card_status": .string(status.rawValue), "embossed_name": .string(embossedName),
            "expiry_month": .string(expiryMonth), "expiry_year": .string(expiryYear),
            "issue_time": .string(String(issueTimeMs)),
            "card_available_balance": .number(balance), "daily_purchaseLimit": .number(dailyLimit),
            "enable_present_transaction": .bool(presentTransactions),
            "enable_noPresent_transaction": .bool(noPresentTransactions),
        ])
    }

    /// What a reveal URL shows, once.
    var secretPayload: JSONValue {
        .object([
            "card_id": .string(cardId), "card_number": .string(pan),
            "expiry_month": .string(expiryMonth), "expiry_year": .string(expiryYear),
            "security_code": .string(securityCode),
        ])
    }

    /// The card's last valid day, `YYYY-MM-DD`.
    var expiryDate: String {
        let month = Int(expiryMonth) ?? 12, year = Int(expiryYear) ?? 2030
        let days = [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return String(format: "%04d-%02d-%02d", year, month, days[max(0, min(11, month - 1))])
    }
}

/// A cardholder; the sandbox creates one on the first apply for an unknown user id (no KYC).
struct Cardholder: Sendable {
    var userId: String
    var userXid: String
    var firstName: String
    var lastName: String
    var email: String
    var phoneAreaCode: String
    var phoneNumber: String

    var json: JSONValue {
        .object([
            "user_id": .string(userId), "user_xid": .string(userXid), "kyc_status": "PASSED",
            "email": .string(email), "phone_area_code": .string(phoneAreaCode), "phone_number": .string(phoneNumber),
            "first_name": .string(firstName), "last_name": .string(lastName),
        ])
    }
}

/// A card application; its status follows from the time elapsed since it was made.
struct SandboxApplication: Sendable {
    var requestId: String
    var applyId: String
    var userId: String
    var productId: String
    var cardLevel: String
    var phoneAreaCode: String
    var phoneNumber: String
    var embossedName: String
    var createdAt: Date
    /// The documented demo input that ends in `AUDIT_REFUSE`.
    var refused: Bool
    /// Reserved at apply time; the card exists once the status reaches `CARD_INIT`.
    var cardId: String

    /// APPLYING for the first third of the audit delay, WAIT_AUDIT for the second,
    /// AUDIT_PASS for the last, then CARD_INIT (or AUDIT_REFUSE after two thirds).
    func status(now: Date, auditDelay: TimeInterval) -> ApplyStatus {
        let elapsed = now.timeIntervalSince(createdAt)
        if elapsed < auditDelay / 3 { return .applying }
        if elapsed < auditDelay * 2 / 3 { return .waitAudit }
        if refused { return .auditRefuse }
        return elapsed < auditDelay ? .auditPass : .cardInit
    }
}
