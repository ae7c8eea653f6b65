import Foundation
import MuseCardKit

/// What an apply asks for, already checked field by field.
struct ApplyInput: Sendable {
    var userId: String
    var requestId: String
    var productId: String
    var cardLevel: String
    var phoneAreaCode: String
    var phoneNumber: String
    var embossedName: String?
}

/// Applications and replacements: idempotent by `request_id`, one card per product per cardholder.
extension CardBook {
    /// The embossed name that makes an application end in `AUDIT_REFUSE` (case and outer spaces ignored).
    static let refusingName = "REFUSE ME"

    /// A new application, or the same one again for a repeated `request_id`.
    mutating func apply(_ input: ApplyInput, now: Date) throws(Rejection) -> SandboxApplication {
        if let existing = applications[input.requestId] {
            guard existing.userId == input.userId else {
                throw .invalid("request_id", "was already used for another cardholder")
            }
            return existing
        }
        if let card = cards.values.first(where: { $0.userId == input.userId && $0.productId == input.productId && $0.status != .canceled }) {
            throw .productTaken("user \(input.userId) already has card \(card.cardId) of product \(input.productId)")
        }
        if let open = applications.values.first(where: {
            $0.userId == input.userId && $0.productId == input.productId && pending.contains($0.requestId) && !$0.refused
        }) {
            throw .productTaken("user \(input.userId) already applied for product \(input.productId) (apply_id \(open.applyId))")
        }
        let name = input.embossedName ?? ""
        if holders[input.userId] == nil {
            // No KYC in the sandbox: an unknown user id becomes a cardholder.
            holders[input.userId] = Cardholder(
                userId: input.userId, userXid: "X" + input.userId,
                firstName: "", lastName: "", email: "", phoneAreaCode: input.phoneAreaCode, phoneNumber: input.phoneNumber)
        }
        let application = SandboxApplication(
            requestId: input.requestId, applyId: String(format: "AP%010llu", nextApplySerial), userId: input.userId,
            productId: input.productId, cardLevel: input.cardLevel, phoneAreaCode: input.phoneAreaCode,
            phoneNumber: input.phoneNumber, embossedName: name, createdAt: now,
            refused: name.trimmingCharacters(in: .whitespaces).uppercased() == CardBook.refusingName,
            cardId: makeCardId())
        nextApplySerial += 1
        applications[input.requestId] = application
        pending.insert(input.requestId)
        return application
    }

    /// The application for `requestId` of `userId` (and `applyId` when given), or code 7000.
    func application(requestId: String, userId: String, applyId: String?) throws(Rejection) -> SandboxApplication {
        guard let found = applications[requestId], found.userId == userId, applyId == nil || applyId == found.applyId else {
            throw .notExist("no application with request_id \(requestId) for user \(userId)")
        }
        return found
    }

    /// Cancels the card and issues a PENDING_ACTIVE one of the same product; the same
    /// `request_id` always gives the same new card.
    mutating func replace(_ cardId: String, user: String, requestId: String, now: Date) throws(Rejection) -> SandboxCard {
        if let done = replacements[requestId] {
            guard done.userId == user, done.original == cardId, let card = cards[done.new] else {
                throw .invalid("request_id", "was already used for another replacement")
            }
            return card
        }
        var old = try checked(cardId, user: user, action: "replace", allowed: [.active, .locked, .suspended],
                              needs: "ACTIVE, LOCK or SUSPENDED")
        let newId = makeCardId()
        var fresh = newCard(cardId: newId, userId: user, productId: old.productId, level: old.cardLevel,
                            areaCode: old.phoneAreaCode, phone: old.phoneNumber, name: old.embossedName,
                            serial: serial(of: newId), now: now)
        fresh.balance = old.balance
        fresh.dailyLimit = old.dailyLimit
        old.status = .canceled
        old.balance = "0"
        cards[cardId] = old
        cards[newId] = fresh
        replacements[requestId] = (user, cardId, newId)
        return fresh
    }
}
