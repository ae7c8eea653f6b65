/// An in-memory canvas that keeps a frame as text and roles, for tests and snapshots.
public final class TextCanvas: Canvas {
    /// One terminal cell: the character starting there ("" for the right half of a wide one).
    struct Cell: Equatable {
        var text: String = " "
        var role: String = Role.normal
        /// The character here takes two columns (the next cell is its right half).
        var isWide = false
    }

    public let size: Size
    /// Row after row, `size.columns` cells each: one allocation per frame, not one per row.
    private var cells: [Cell]

    /// A blank canvas of `columns` x `rows`.
    public init(columns: Int, rows: Int) {
        size = Size(columns: columns, rows: rows)
        cells = Array(repeating: Cell(), count: columns * rows)
    }

    public func put(_ text: String, row: Int, col: Int, role: String, maxWidth: Int?) {
        guard row >= 0, row < size.rows else { return }
        let clipped = CanvasText.clip(text, col: col, maxWidth: maxWidth, columns: size.columns)
        let start = row * size.columns, columns = size.columns
        var column = clipped.col
        // One exclusive access to the grid per call, not two per cell (a class property).
        cells.withUnsafeMutableBufferPointer { cells in
            if TextWidth.asciiWidth(clipped.text) != nil {
                // Printable ASCII: one cell a byte, no grapheme breaking.
                for byte in clipped.text.utf8 {
                    Self.clearHalf(&cells, start, column, columns)
                    cells[start + column] = Cell(text: Self.ascii[Int(byte)], role: role)
                    column += 1
                }
                return
            }
            for character in clipped.text {
                let width = TextWidth.of(character)
                if width == 0 {
                    // Combining marks join the character before them.
                    if column > 0 { cells[start + column - 1].text.append(character) }
                    continue
                }
                Self.clearHalf(&cells, start, column, columns)
                cells[start + column] = Cell(text: String(character), role: role, isWide: width == 2)
                if width == 2, column + 1 < columns {
                    Self.clearHalf(&cells, start, column + 1, columns)
                    cells[start + column + 1] = Cell(text: "", role: role)
                }
                column += width
            }
        }
    }

    public func fill(_ rect: Rect, role: String) {
        let blank = Cell(text: " ", role: role)
        let columns = size.columns, rows = max(0, rect.row)..<min(size.rows, rect.bottom)
        let span = max(0, rect.col)..<min(columns, rect.right)
        guard !rows.isEmpty, !span.isEmpty else { return }
        cells.withUnsafeMutableBufferPointer { cells in
            for row in rows {
                let start = row * columns
                for col in span {
                    Self.clearHalf(&cells, start, col, columns)
                    cells[start + col] = blank
                }
            }
        }
    }

    /// Row `row` of the grid.
    private func rowCells(_ row: Int) -> ArraySlice<Cell> {
        cells[(row * size.columns)..<((row + 1) * size.columns)]
    }

    /// The frame as plain text lines, trailing spaces removed.
    public var lines: [String] {
        (0..<size.rows).map { row in
            var line = rowCells(row).map(\.text).joined()
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The frame as one string, one line per row.
    public var text: String { lines.joined(separator: "\n") + "\n" }

    /// The roles layer as text: one letter per cell (`Role.all` in order: a, b, c…), `.` for
    /// normal text, preceded by the legend of the letters used, for snapshots of colour use.
    public var roleText: String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        func letter(_ role: String) -> Character {
            if role == Role.normal { return "." }
            return Role.all.firstIndex(of: Role.resolve(role)).map { letters[$0 % letters.count] } ?? "?"
        }
        var used: Set<String> = []
        let grid = (0..<size.rows).map { row in
            String(rowCells(row).map { cell -> Character in
                if cell.role != Role.normal { used.insert(Role.resolve(cell.role)) }
                return letter(cell.role)
            })
        }
        let legend = used.sorted().map { "\(letter($0)) \($0)" }
        return (legend + [""] + grid).joined(separator: "\n") + "\n"
    }

    /// The role of the cell at `row`/`col`.
    public func role(row: Int, col: Int) -> String { cells[row * size.columns + col].role }

    /// The role of the first cell where `needle` appears on screen, if it does.
    public func role(of needle: String) -> String? {
        for (index, line) in lines.enumerated() {
            guard let range = line.range(of: needle) else { continue }
            let col = TextWidth.of(String(line[..<range.lowerBound]))
            return cells[index * size.columns + col].role
        }
        return nil
    }

    /// Overwriting half of a wide character blanks its other half, as a terminal does.
    /// `start` is the index of the row's first cell.
    @inline(__always)
    private static func clearHalf(_ cells: inout UnsafeMutableBufferPointer<Cell>, _ start: Int, _ col: Int, _ columns: Int) {
        let index = start + col
        if cells[index].text.isEmpty, col > 0 {
            cells[index - 1].text = " "
            cells[index - 1].isWide = false
        } else if cells[index].isWide, col + 1 < columns, cells[index + 1].text.isEmpty {
            cells[index + 1].text = " "
        }
    }

    /// One-character strings for the ASCII bytes, made once rather than per cell.
    private static let ascii: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
}
