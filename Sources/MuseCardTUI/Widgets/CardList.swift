import MuseCardViewModel

/// The card list: a title, a column header and one row per visible card.
public enum CardList {
    /// Draws the list parts of `layout` from the model's visible window of rows.
    public static func draw(_ screen: ScreenModel, on canvas: Canvas, layout: ScreenLayout) {
        drawTitle(screen, on: canvas, in: layout.title)
        let statusWidth = screen.rows.map { TextWidth.of($0.status) }.max() ?? 9
        // While cards are marked, each row has a mark column after its marker glyph.
        let lead = screen.topBar.marked > 0 ? 3 : 2
        let columns = CardColumn.fitting(layout.header.width - lead, statusWidth: statusWidth)
        drawHeader(columns, lead: lead, on: canvas, in: layout.header)
        let area = layout.list
        canvas.fill(area, role: Role.normal)
        if screen.rows.isEmpty {
            let message = screen.emptyMessage ?? "No cards."
            for (index, line) in TextWidth.wrap(message, to: max(1, area.width - 2)).prefix(area.height).enumerated() {
                canvas.put(line, row: area.row + index, col: area.col + 1, role: Role.dim)
            }
            return
        }
        for (index, row) in screen.rows.prefix(area.height).enumerated() {
            drawRow(row, columns: columns, lead: lead, selected: index == screen.selectedRow, on: canvas,
                    at: Rect(row: area.row + index, col: area.col, width: area.width, height: 1))
        }
    }

    /// The cardholder title, with the position in the list on the right.
    static func drawTitle(_ screen: ScreenModel, on canvas: Canvas, in rect: Rect) {
        canvas.fill(rect, role: Role.normal)
        var position = "\(screen.totalRows) cards"
        if let selected = screen.selectedRow, screen.totalRows > 0 {
            position = "\(screen.rowOffset + selected + 1)/\(screen.totalRows)"
        }
        let room = rect.width - TextWidth.of(position) - 2
        canvas.segment(" " + screen.cardholderTitle, row: rect.row, col: rect.col, width: room, role: Role.normal)
        canvas.put(position, row: rect.row, col: rect.right - TextWidth.of(position) - 1, role: Role.dim)
    }

    static func drawHeader(_ columns: [(column: CardColumn, width: Int)], lead: Int, on canvas: Canvas, in rect: Rect) {
        let titles = columns.map { TextWidth.pad($0.column.title, to: $0.width, alignRight: $0.column.alignRight) }
        canvas.line(String(repeating: " ", count: lead) + titles.joined(separator: " "), row: rect.row, col: rect.col, width: rect.width,
                    role: Role.listHeader)
    }

    /// One card: marker glyph, the mark (when cards are marked), then the columns; status in its
    /// role unless the row is selected. The mark is a glyph, so it reads without colour.
    static func drawRow(_ row: CardRowModel, columns: [(column: CardColumn, width: Int)], lead: Int, selected: Bool,
                        on canvas: Canvas, at rect: Rect) {
        let base = selected ? Role.listSelected : Role.normal
        canvas.fill(rect, role: base)
        canvas.put(marker(row.marker, selected: selected), row: rect.row, col: rect.col, role: base)
        if row.isMarked { canvas.put(markGlyph, row: rect.row, col: rect.col + 1, role: base) }
        var col = rect.col + lead
        for (column, width) in columns {
            let text = TextWidth.pad(column.value(row), to: width, alignRight: column.alignRight)
            let role = (column.isStatus && !selected) ? Role.resolve(row.statusRole) : base
            canvas.put(text, row: rect.row, col: col, role: role, maxWidth: rect.right - col)
            col += width + 1
        }
    }

    /// The glyph of a marked row.
    static let markGlyph = "✓"

    /// The glyph before a row: in flight, failed, stale, busy elsewhere, or the selection pointer.
    static func marker(_ marker: CardRowModel.Marker, selected: Bool) -> String {
        switch marker {
        case .busy: return "◆"
        case .loading: return "⟳"
        case .failed: return "✗"
        case .stale: return "~"
        case .none: return selected ? "▶" : " "
        }
    }
}
