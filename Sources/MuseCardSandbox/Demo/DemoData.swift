import MuseCardKit

/// A demo cardholder and the ids of their cards, for seeding a console's cache (the API
/// has no list-cards endpoint).
public struct DemoCardholder: Sendable, Hashable {
    public let userId: String
    /// Display name; may hold hostile text on purpose (see `DemoData.hostileName`).
    public let label: String
    public let cardIds: [String]
}

/// The fixed demo cardholders and cards the sandbox starts with (unless `demoData` is off).
public enum DemoData {
    /// The embossed name with escape sequences and control characters: a console must never
    /// let it reach the terminal as is.
    public static let hostileName = "\u{1B}[31mEVIL\u{1B}[2J\u{07}NAME\r\n"

    /// Card products: id → (physical?, currency). Unknown product ids are accepted too
    /// (physical when they start with `2`, else virtual, USD).
    public static let products: [String: (physical: Bool, currency: String)] = [
        "1001": (false, "USD"), "1002": (false, "EUR"), "2001": (true, "USD"), "2002": (true, "EUR"), "2003": (true, "HKD"),
    ]

    struct DemoCard {
        let cardId: String
        let productId: String
        let status: CardStatus
        let embossedName: String
    }

    struct DemoHolder {
        let userId: String
        let label: String
        let first: String
        let last: String
        let email: String
        let areaCode: String
        let phone: String
        let cards: [DemoCard]
    }

    static let holders: [DemoHolder] = [
        DemoHolder(userId: "60004408", label: "Käthe Müller", first: "Käthe", last: "Müller", email: "kaethe@example.org",
                   areaCode: "49", phone: "15112345678", cards: [
                       DemoCard(cardId: "VC1000000001", productId: "1001", status: .active, embossedName: "KAETHE MUELLER"),
                       DemoCard(cardId: "VC1000000002", productId: "2001", status: .locked, embossedName: "KAETHE MUELLER"),
                       DemoCard(cardId: "VC1000000003", productId: "1002", status: .pendingActive, embossedName: "KAETHE MUELLER"),
                       DemoCard(cardId: "VC1000000004", productId: "2002", status: .canceled, embossedName: "KAETHE MUELLER"),
                   ]),
        DemoHolder(userId: "60004409", label: "张伟", first: "伟", last: "张", email: "zhang.wei@example.org",
                   areaCode: "86", phone: "13800138000", cards: [
                       DemoCard(cardId: "VC1000000005", productId: "1001", status: .active, embossedName: "ZHANG WEI"),
                       DemoCard(cardId: "VC1000000006", productId: "1002", status: .suspended, embossedName: "ZHANG WEI"),
                       DemoCard(cardId: "VC1000000007", productId: "2001", status: .pendingIssue, embossedName: "ZHANG WEI"),
                       DemoCard(cardId: "VC1000000008", productId: "2002", status: .initial, embossedName: "ZHANG WEI"),
                       DemoCard(cardId: "VC1000000009", productId: "2003", status: .pendingActive, embossedName: "ZHANG WEI"),
                   ]),
        DemoHolder(userId: "60004410", label: hostileName, first: "EVIL", last: "NAME", email: "evil@example.org",
                   areaCode: "1", phone: "2025550143", cards: [
                       DemoCard(cardId: "VC1000000010", productId: "1001", status: .active, embossedName: hostileName),
                       DemoCard(cardId: "VC1000000011", productId: "1002", status: .locked, embossedName: hostileName),
                   ]),
    ]

    /// The demo cardholders with their card ids.
    public static let cardholders: [DemoCardholder] = holders.map {
        DemoCardholder(userId: $0.userId, label: $0.label, cardIds: $0.cards.map(\.cardId))
    }

    /// Demo cards that start `ACTIVE` (the benchmark locks and unlocks these).
    public static let activeCards: [(userId: String, cardId: String)] = holders.flatMap { holder in
        holder.cards.filter { $0.status == .active }.map { (holder.userId, $0.cardId) }
    }

    static func product(_ id: String) -> (physical: Bool, currency: String) {
        products[id] ?? (id.hasPrefix("2"), "USD")
    }
}
