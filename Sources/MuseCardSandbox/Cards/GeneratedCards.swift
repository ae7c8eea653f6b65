import Foundation
import MuseCardKit

/// Numbered ACTIVE cards for benchmarks and big tests (`--generate-cards N`): card `n` (from 1)
/// is `BC` + 8 digits, held by its own cardholder `BU` + 8 digits.
public enum GeneratedCards {
    /// The ids of card `n` (1-based).
    public static func ids(_ n: Int) -> (userId: String, cardId: String) {
        let digits = String(format: "%08d", n)
        return ("BU" + digits, "BC" + digits)
    }

    /// A CSV batch file (`user_id,card_id`) of cards `1…count`.
    public static func csv(count: Int) -> String {
        var text = "user_id,card_id\n"
        text.reserveCapacity(24 * (count + 1))
        for n in stride(from: 1, through: count, by: 1) {
            let (user, card) = ids(n)
            text += "\(user),\(card)\n"
        }
        return text
    }
}

extension CardBook {
    /// Adds `count` ACTIVE virtual cards, one per cardholder, numbered from 1.
    mutating func generate(count: Int, now: Date) {
        guard count > 0 else { return }
        for n in 1...count {
            let (user, cardId) = GeneratedCards.ids(n)
            holders[user] = Cardholder(userId: user, userXid: "X" + user, firstName: "Bench", lastName: "Holder \(n)",
                                       email: "bench\(n)@example.com", phoneAreaCode: "+1", phoneNumber: "5550100")
            var card = newCard(cardId: cardId, userId: user, productId: "1001", level: "1", areaCode: "+1", phone: "5550100",
                               name: "BENCH HOLDER", serial: UInt64(9_000_000_000 + n), now: now)
            card.status = .active
            cards[cardId] = card
        }
    }
}
