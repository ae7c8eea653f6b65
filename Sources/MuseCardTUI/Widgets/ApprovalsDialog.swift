import MuseCardViewModel

/// The approvals list: the requests in columns, the selected one in full, its card's recent
/// history, and the keys; sized to what it shows, the list giving way on short screens.
public enum ApprovalsDialog {
    /// History rows shown at most: the recent past is what an approver weighs.
    static let historyRows = 5

    /// Draws the popup centred in `bounds`.
    public static func draw(_ model: ApprovalsModel, on canvas: Canvas, in bounds: Rect) {
        let width = max(20, bounds.width - 6)
        let detail = model.detail.flatMap { TextWidth.wrap($0, to: width) }
        let history = model.history.map { 2 + max(1, min(historyRows, $0.rows.count)) } ?? 0
        let requests = max(1, model.requests.rows.count)
        // Header, rows, a gap, the request, the history, a gap, the keys.
        let fixed = 1 + 1 + detail.count + history + 2
        let inner = Popup.open(on: canvas, in: bounds, contentWidth: width, contentHeight: fixed + requests, title: model.title)
        guard inner.height >= 6 else { return }
        var row = inner.row
        table(model.requests, rows: max(1, inner.height - fixed), at: &row, inner: inner, on: canvas)
        row += 1
        for line in detail where row < inner.bottom - 2 {
            canvas.put(line, row: row, col: inner.col, role: Role.normal, maxWidth: inner.width)
            row += 1
        }
        if let table = model.history, row + 2 < inner.bottom - 2 {
            canvas.line(table.title, row: row, col: inner.col, width: inner.width, role: Role.listHeader)
            row += 1
            self.table(table, rows: min(historyRows, inner.bottom - 2 - row - 1), at: &row, inner: inner, on: canvas, highlight: false)
        }
        canvas.line(model.footer, row: inner.bottom - 1, col: inner.col, width: inner.width, role: Role.dim)
    }

    /// A header and up to `rows` rows (or the placeholder), the selected one kept in view.
    private static func table(_ table: TableModel, rows: Int, at row: inout Int, inner: Rect, on canvas: Canvas, highlight: Bool = true) {
        let widths = TableDialog.columnWidths(table, room: inner.width)
        TableDialog.drawRow(table.header, widths: widths, row: row, col: inner.col, width: inner.width, role: Role.listHeader, on: canvas)
        row += 1
        if let placeholder = table.placeholder {
            canvas.segment(placeholder, row: row, col: inner.col, width: inner.width, role: Role.dim)
            row += 1
            return
        }
        let visible = max(1, rows)
        let first = Popup.firstVisible(selected: table.selected, count: table.rows.count, visible: visible)
        for (offset, line) in table.rows.dropFirst(first).prefix(visible).enumerated() {
            let selected = highlight && first + offset == table.selected
            let role = selected ? Role.menuSelected : Role.resolve(line.role ?? Role.normal)
            TableDialog.drawRow(line.cells, widths: widths, row: row, col: inner.col, width: inner.width, role: role, on: canvas)
            row += 1
        }
    }
}
