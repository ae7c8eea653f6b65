/// Splits the terminal into the top bar, card list, detail pane, status line and hints.
public struct ScreenLayout: Sendable, Equatable {
    /// The smallest terminal the console draws a frame in.
    public static let minimum = Size(columns: 60, rows: 16)

    public let size: Size
    public let topBar: Rect
    /// The cardholder title line above the list.
    public let title: Rect
    /// The column header line of the list.
    public let header: Rect
    /// Where card rows go, one per line.
    public let list: Rect
    /// The column of the separator between list and detail.
    public let separatorColumn: Int
    public let detail: Rect
    /// The filter and flash line.
    public let status: Rect
    public let hints: Rect

    public init(size: Size) {
        self.size = size
        let width = size.columns
        let bodyTop = 1
        let bodyHeight = max(0, size.rows - 3)
        let detailWidth = ScreenLayout.detailWidth(for: width)
        let listWidth = max(0, width - detailWidth - 1)
        topBar = Rect(row: 0, col: 0, width: width, height: 1)
        title = Rect(row: bodyTop, col: 0, width: listWidth, height: 1)
        header = Rect(row: bodyTop + 1, col: 0, width: listWidth, height: 1)
        list = Rect(row: bodyTop + 2, col: 0, width: listWidth, height: max(0, bodyHeight - 2))
        separatorColumn = listWidth
        detail = Rect(row: bodyTop, col: listWidth + 1, width: detailWidth, height: bodyHeight)
        status = Rect(row: max(0, size.rows - 2), col: 0, width: width, height: 1)
        hints = Rect(row: max(0, size.rows - 1), col: 0, width: width, height: 1)
    }

    /// True when the terminal is below the minimum and only a message fits.
    public var isTooSmall: Bool {
        size.columns < ScreenLayout.minimum.columns || size.rows < ScreenLayout.minimum.rows
    }

    /// How many card rows fit: the `listHeight` to ask the model for.
    public var listHeight: Int { isTooSmall ? 0 : list.height }

    /// The detail pane takes about a third of wide terminals and a fixed share of narrow ones.
    static func detailWidth(for columns: Int) -> Int {
        if columns >= 100 { return min(52, columns / 3) }
        return max(22, columns * 35 / 100)
    }
}
