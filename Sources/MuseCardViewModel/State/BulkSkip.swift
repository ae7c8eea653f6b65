/// A card a bulk change leaves out, and why (`already LOCK`, `sensitive lock reason`…).
public struct BulkSkip: Sendable, Equatable {
    public var cardId: String
    public var why: String

    public init(cardId: String, why: String) {
        self.cardId = cardId
        self.why = why
    }
}
