import MuseCardStore

/// The `h` popup: one card's operations from the audit trail, newest first.
public struct HistoryState: Sendable, Equatable {
    public var cardId: String
    /// Newest first, as the operations layer reads them.
    public var operations: [AuditOperation] = []
    public var isLoading = true
    /// Why the audit trail could not be read.
    public var error: String?
    public var selected = 0

    public init(cardId: String) { self.cardId = cardId }
}
