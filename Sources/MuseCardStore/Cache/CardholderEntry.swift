import Foundation

/// A cardholder the console has seen: the user id, an optional label and when it was last opened.
public struct CardholderEntry: Sendable, Equatable {
    /// The MusePay user id.
    public var userId: String
    /// A note the operator gave, e.g. the cardholder's name.
    public var label: String?
    /// When the cardholder was last opened in the console.
    public var lastOpened: Date?
    /// How many of the cardholder's cards the cache knows.
    public var cardCount: Int

    /// An entry with the given values.
    public init(userId: String, label: String? = nil, lastOpened: Date? = nil, cardCount: Int = 0) {
        self.userId = userId
        self.label = label
        self.lastOpened = lastOpened
        self.cardCount = cardCount
    }
}
