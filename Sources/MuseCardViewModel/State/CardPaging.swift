/// How much of a long card list has been read from the index: the console holds what it shows
/// and a page around it, not every record of a cardholder with thousands of cards.
///
/// `nil` in `ConsoleData.paging` means the whole list is in memory (every short list, and a long
/// one once filtering, sorting or a bulk change has needed all of it).
public struct CardPaging: Sendable, Equatable {
    /// Cards in the index when the cardholder was opened (less those forgotten since).
    public var total: Int
    /// Rows of the index's list read so far, from its start (the next page starts here).
    public var read: Int
    /// A page is on its way (one at a time).
    public var isReading = false
    /// A key that needs the whole list (`G`, `*`, lock every active card, `R`): done once it is read.
    public var waitingKey: KeyAction?

    public init(total: Int, read: Int) {
        self.total = total
        self.read = read
    }

    /// Cards known to the index and not read yet.
    public var unread: Int { max(0, total - read) }

    /// Rows read per page while the agent scrolls.
    public static let pageSize = 500
    /// A page is asked for when the last row read is less than a screenful and this many rows below the selection.
    public static let readAhead = 10
}
