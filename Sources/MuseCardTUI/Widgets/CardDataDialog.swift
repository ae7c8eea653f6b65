import MuseCardViewModel

/// The one-time card data link: notes in a box, the link under it on full-width lines with no
/// border, so selecting it with the terminal's mouse copies the link and nothing else.
public enum CardDataDialog {
    /// Draws the box and the link rows, together centred vertically in `bounds`.
    public static func draw(title: String, link: String, lines: [String], on canvas: Canvas, in bounds: Rect) {
        let linkWidth = max(1, bounds.width)
        let linkRows = chunks(link, width: linkWidth)
        let boxWidth = min(bounds.width - 6, max(30, TextWidth.widest(lines), TextWidth.of(title) + 4))
        let wrapped = lines.flatMap { TextWidth.wrap($0, to: max(1, boxWidth)) }
        let boxHeight = wrapped.count + 2
        let total = min(bounds.height, boxHeight + 1 + linkRows.count + 1)
        let top = bounds.row + max(0, (bounds.height - total) / 2)
        let area = Rect(row: top, col: bounds.col, width: bounds.width, height: boxHeight + 2)
        let inner = Popup.open(on: canvas, in: area, contentWidth: boxWidth, contentHeight: wrapped.count, title: title)
        for (index, line) in wrapped.prefix(inner.height).enumerated() {
            canvas.put(line, row: inner.row + index, col: inner.col, role: Role.normal, maxWidth: inner.width)
        }
        // A blank row either side keeps the link apart from whatever the screen shows behind it.
        var row = inner.bottom + 1
        canvas.fill(Rect(row: row, col: bounds.col, width: bounds.width, height: min(linkRows.count + 2, max(0, bounds.bottom - row))),
                    role: Role.normal)
        row += 1
        for chunk in linkRows where row < bounds.bottom {
            canvas.put(chunk, row: row, col: bounds.col, role: Role.normal, maxWidth: linkWidth)
            row += 1
        }
    }

    /// The link cut into rows of `width` columns (a URL has no spaces to wrap at).
    static func chunks(_ text: String, width: Int) -> [String] {
        var rows: [String] = []
        var current = ""
        for character in text {
            if TextWidth.of(current) + TextWidth.of(character) > width {
                rows.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty || rows.isEmpty { rows.append(current) }
        return rows
    }
}
