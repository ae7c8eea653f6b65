/// One line of an index import: a card that belongs to a cardholder, with an optional label for the cardholder.
public struct CardImportRow: Sendable, Equatable, Hashable {
    /// The most characters a cardholder label may have.
    public static let maxLabelLength = 100

    /// The cardholder's user id.
    public var userId: String
    /// The card id.
    public var cardId: String
    /// A label for the cardholder (e.g. the name in the partner's records); `nil` keeps the one known.
    public var label: String?

    /// A row with the given values.
    public init(userId: String, cardId: String, label: String? = nil) {
        self.userId = userId
        self.cardId = cardId
        self.label = label
    }
}
