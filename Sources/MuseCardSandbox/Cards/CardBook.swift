import Foundation
import MuseCardKit

/// Every cardholder, card and application of the sandbox; one lock guards it (see `SandboxCore`).
struct CardBook: Sendable {
    var holders: [String: Cardholder] = [:]
    var cards: [String: SandboxCard] = [:]
    /// Applications by `request_id`.
    var applications: [String: SandboxApplication] = [:]
    /// Request ids of applications that have not issued their card yet.
    var pending: Set<String> = []
    /// Replace answers by `request_id`: (user, original card, new card).
    var replacements: [String: (userId: String, original: String, new: String)] = [:]
    var nextCardSerial: UInt64 = 2_000_000_001
    var nextApplySerial: UInt64 = 1
    let auditDelay: TimeInterval

    init(auditDelay: TimeInterval, now: Date, demoData: Bool) {
        self.auditDelay = auditDelay
        if demoData { seedDemo(now: now) }
    }

    private mutating func seedDemo(now: Date) {
        var serial: UInt64 = 1
        for holder in DemoData.holders {
            holders[holder.userId] = Cardholder(
                userId: holder.userId, userXid: "X" + holder.userId, firstName: holder.first,
                lastName: holder.last, email: holder.email, phoneAreaCode: holder.areaCode, phoneNumber: holder.phone)
            for card in holder.cards {
                var made = newCard(cardId: card.cardId, userId: holder.userId, productId: card.productId, level: "1",
                                   areaCode: holder.areaCode, phone: holder.phone, name: card.embossedName,
                                   serial: serial, now: now.addingTimeInterval(-86_400 * Double(30 + serial)))
                made.status = card.status
                made.balance = ["0", "1250.5", "87.25", "5000"][Int(serial % 4)]
                cards[card.cardId] = made
                serial += 1
            }
        }
    }

    /// A card of `productId` with fresh numbers derived from `serial`.
    func newCard(cardId: String, userId: String, productId: String, level: String, areaCode: String, phone: String,
                 name: String, serial: UInt64, now: Date) -> SandboxCard {
        let product = DemoData.product(productId)
        let numbers = CardNumbers.make(serial: serial)
        return SandboxCard(
            userId: userId, cardId: cardId, productId: productId, cardLevel: level, isPhysical: product.physical,
            network: "masterCard", currency: product.currency, status: .pendingActive, embossedName: name,
            phoneAreaCode: areaCode, phoneNumber: phone, pan: numbers.pan, expiryMonth: numbers.month,
            expiryYear: numbers.year, securityCode: numbers.cvv, issueTimeMs: Int64(now.timeIntervalSince1970 * 1000),
            balance: "0", dailyLimit: "1000")
    }

    /// Issues the cards of applications whose audit has passed by `now`.
    mutating func settle(now: Date) {
        guard !pending.isEmpty else { return }
        for requestId in pending {
            guard let application = applications[requestId] else { continue }
            switch application.status(now: now, auditDelay: auditDelay) {
            case .cardInit:
                let issuedAt = application.createdAt.addingTimeInterval(auditDelay)
                cards[application.cardId] = newCard(
                    cardId: application.cardId, userId: application.userId, productId: application.productId,
                    level: application.cardLevel, areaCode: application.phoneAreaCode, phone: application.phoneNumber,
                    name: application.embossedName, serial: serial(of: application.cardId), now: issuedAt)
                pending.remove(requestId)
            case .auditRefuse:
                pending.remove(requestId)
            default:
                continue
            }
        }
    }

    /// A new card id, `VC` + ten digits.
    mutating func makeCardId() -> String {
        defer { nextCardSerial += 1 }
        return "VC\(nextCardSerial)"
    }

    func serial(of cardId: String) -> UInt64 { UInt64(cardId.dropFirst(2)) ?? UInt64(truncatingIfNeeded: cardId.hashValue) }

    /// The user's card, or code 7000 (also for a card of another user, so ids do not leak).
    func card(_ cardId: String, of userId: String) throws(Rejection) -> SandboxCard {
        guard let card = cards[cardId], card.userId == userId else {
            throw .notExist("card \(cardId) not found for user \(userId)")
        }
        return card
    }
}
