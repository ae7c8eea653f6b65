/// A terminal size in columns and rows.
public struct Size: Sendable, Equatable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}

/// A rectangle of terminal cells.
public struct Rect: Sendable, Equatable {
    public var row: Int
    public var col: Int
    public var width: Int
    public var height: Int

    public init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row
        self.col = col
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The row after the last one.
    public var bottom: Int { row + height }
    /// The column after the last one.
    public var right: Int { col + width }
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The rectangle shrunk by `by` cells on every side.
    public func inset(_ by: Int) -> Rect {
        Rect(row: row + by, col: col + by, width: width - 2 * by, height: height - 2 * by)
    }

    /// A rectangle of `width` x `height` centred in this one (clipped to it).
    public func centred(width: Int, height: Int) -> Rect {
        let w = min(width, self.width), h = min(height, self.height)
        return Rect(row: row + (self.height - h) / 2, col: col + (self.width - w) / 2, width: w, height: h)
    }
}
