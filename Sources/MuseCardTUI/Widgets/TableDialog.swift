import MuseCardViewModel

/// A popup of rows in aligned columns (history, transactions), scrolled to keep the cursor visible.
public enum TableDialog {
    /// The widest a column gets before its text is elided; the last column takes what is left.
    static let maxColumn = 28

    /// Draws the table over most of `bounds`.
    public static func draw(_ table: TableModel, on canvas: Canvas, in bounds: Rect) {
        let inner = Popup.open(on: canvas, in: bounds, contentWidth: bounds.width, contentHeight: bounds.height, title: table.title)
        guard inner.height >= 3 else { return }
        let widths = columnWidths(table, room: inner.width)
        drawRow(table.header, widths: widths, row: inner.row, col: inner.col, width: inner.width, role: Role.listHeader, on: canvas)
        let visible = max(0, inner.height - 2)
        if let placeholder = table.placeholder {
            canvas.segment(placeholder, row: inner.row + 1, col: inner.col, width: inner.width, role: Role.dim)
        } else {
            let first = Popup.firstVisible(selected: table.selected, count: table.rows.count, visible: visible)
            for (offset, row) in table.rows.dropFirst(first).prefix(visible).enumerated() {
                let selected = first + offset == table.selected
                let role = selected ? Role.menuSelected : Role.resolve(row.role ?? Role.normal)
                drawRow(row.cells, widths: widths, row: inner.row + 1 + offset, col: inner.col, width: inner.width, role: role, on: canvas)
            }
        }
        canvas.line(table.footer, row: inner.bottom - 1, col: inner.col, width: inner.width, role: Role.dim)
    }

    /// Each column as wide as its widest cell (capped), two spaces apart; when they do not fit,
    /// the widest give up columns first, so every column keeps a part; the last gets the rest.
    static func columnWidths(_ table: TableModel, room: Int) -> [Int] {
        let count = table.header.count
        guard count > 0 else { return [] }
        var widths = (0..<count).map { index in
            min(maxColumn, TextWidth.widest([table.header[index]] + table.rows.map { index < $0.cells.count ? $0.cells[index] : "" }))
        }
        var excess = widths.reduce(0, +) + 2 * (count - 1) - room
        while excess > 0, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 4 {
            widths[widest] -= 1
            excess -= 1
        }
        let used = widths.dropLast().reduce(0) { $0 + $1 + 2 }
        widths[count - 1] = max(0, room - used)
        return widths
    }

    static func drawRow(_ cells: [String], widths: [Int], row: Int, col: Int, width: Int, role: String, on canvas: Canvas) {
        canvas.line("", row: row, col: col, width: width, role: role)
        var x = col
        for (index, columnWidth) in widths.enumerated() where x < col + width {
            let cell = index < cells.count ? cells[index] : ""
            canvas.segment(cell, row: row, col: x, width: min(columnWidth, col + width - x), role: role)
            x += columnWidth + 2
        }
    }
}
