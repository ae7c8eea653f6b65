import MuseCardKit

/// The `t` popup: one card's transactions, newest first, a page at a time.
public struct TransactionsState: Sendable, Equatable {
    /// Transactions asked for per page.
    public static let pageSize = 50

    public var cardId: String
    public var transactions: [Transaction] = []
    /// Pages read so far; the next one asked is `pagesLoaded + 1`.
    public var pagesLoaded = 0
    public var isLoading = true
    /// False once a page came back short: the service has no more.
    public var hasMore = true
    /// Why the last page could not be read.
    public var error: String?
    public var selected = 0
    /// The transaction shown with all its fields (Enter), an index into `transactions`.
    public var detail: Int?
    /// Only transactions of this status, type and range (keys from the key table cycle them).
    public var filters = TransactionFilters()

    public init(cardId: String) { self.cardId = cardId }
}
