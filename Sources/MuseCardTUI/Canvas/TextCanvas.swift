/// An in-memory canvas that keeps a frame as text and roles, for tests and snapshots.
public final class TextCanvas: Canvas {
    /// One terminal cell: the character starting there ("" for the right half of a wide one).
    struct Cell: Equatable {
        var text: String = " "
        var role: String = Role.normal
    }

    public let size: Size
    private var cells: [[Cell]]

    /// A blank canvas of `columns` x `rows`.
    public init(columns: Int, rows: Int) {
        size = Size(columns: columns, rows: rows)
        cells = Array(repeating: Array(repeating: Cell(), count: columns), count: rows)
    }

    public func put(_ text: String, row: Int, col: Int, role: String, maxWidth: Int?) {
        guard row >= 0, row < size.rows else { return }
        let clipped = CanvasText.clip(text, col: col, maxWidth: maxWidth, columns: size.columns)
        var column = clipped.col
        for character in clipped.text {
            let width = TextWidth.of(character)
            if width == 0 {
                // Combining marks join the character before them.
                if column > 0 { cells[row][column - 1].text.append(character) }
                continue
            }
            clearHalf(row: row, col: column)
            cells[row][column] = Cell(text: String(character), role: role)
            if width == 2, column + 1 < size.columns {
                clearHalf(row: row, col: column + 1)
                cells[row][column + 1] = Cell(text: "", role: role)
            }
            column += width
        }
    }

    public func fill(_ rect: Rect, role: String) {
        for row in max(0, rect.row)..<min(size.rows, rect.bottom) {
            for col in max(0, rect.col)..<min(size.columns, rect.right) {
                clearHalf(row: row, col: col)
                cells[row][col] = Cell(text: " ", role: role)
            }
        }
    }

    /// The frame as plain text lines, trailing spaces removed.
    public var lines: [String] {
        cells.map { row in
            var line = row.map(\.text).joined()
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
        let grid = cells.map { row in
            String(row.map { cell -> Character in
                if cell.role != Role.normal { used.insert(Role.resolve(cell.role)) }
                return letter(cell.role)
            })
        }
        let legend = used.sorted().map { "\(letter($0)) \($0)" }
        return (legend + [""] + grid).joined(separator: "\n") + "\n"
    }

    /// The role of the cell at `row`/`col`.
    public func role(row: Int, col: Int) -> String { cells[row][col].role }

    /// The role of the first cell where `needle` appears on screen, if it does.
    public func role(of needle: String) -> String? {
        for (index, line) in lines.enumerated() {
            guard let range = line.range(of: needle) else { continue }
            let col = TextWidth.of(String(line[..<range.lowerBound]))
            return cells[index][col].role
        }
        return nil
    }

    /// Overwriting half of a wide character blanks its other half, as a terminal does.
    private func clearHalf(row: Int, col: Int) {
        if cells[row][col].text.isEmpty, col > 0 {
            cells[row][col - 1].text = " "
        } else if col + 1 < size.columns, cells[row][col + 1].text.isEmpty, TextWidth.of(cells[row][col].text) == 2 {
            cells[row][col + 1].text = " "
        }
    }
}
