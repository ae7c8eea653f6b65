/// The session summary shown on quit.
public enum SummaryDialog {
    /// Draws the summary lines in a box centred in `bounds`.
    public static func draw(title: String, lines: [String], on canvas: Canvas, in bounds: Rect) {
        let width = min(bounds.width - 6, max(30, TextWidth.widest(lines), TextWidth.of(title) + 4))
        let wrapped = lines.flatMap { TextWidth.wrap($0, to: width) }
        let inner = Popup.open(on: canvas, in: bounds, contentWidth: width, contentHeight: wrapped.count, title: title)
        for (index, line) in wrapped.prefix(inner.height).enumerated() {
            canvas.put(line, row: inner.row + index, col: inner.col, role: Role.normal, maxWidth: inner.width)
        }
    }
}
