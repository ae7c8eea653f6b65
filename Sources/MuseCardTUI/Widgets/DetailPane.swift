import MuseCardViewModel

/// The right pane: `label: value` lines of the selected card, headings where the label is empty.
public enum DetailPane {
    /// Draws `lines` in `rect`; long values wrap under themselves, the rest is cut at the bottom.
    public static func draw(_ lines: [DetailLineModel], on canvas: Canvas, in rect: Rect) {
        canvas.fill(rect, role: Role.normal)
        let inner = Rect(row: rect.row, col: rect.col + 1, width: rect.width - 2, height: rect.height)
        guard inner.width > 4 else { return }
        let labelWidth = min(inner.width / 2, TextWidth.widest(lines.map(\.label)))
        let valueCol = inner.col + labelWidth + 2
        let valueWidth = inner.right - valueCol
        var row = inner.row
        for line in lines {
            guard row < inner.bottom else { return }
            if line.label.isEmpty {
                canvas.line(line.value, row: row, col: inner.col, width: inner.width, role: Role.listHeader)
                row += 1
                continue
            }
            let role = line.role.map(Role.resolve) ?? Role.normal
            let needed = TextWidth.of(line.value)
            if needed > valueWidth, needed <= inner.width - 6 {
                // A short value a little too wide (an id, a status, a phone): the label gives way
                // rather than the value breaking over two lines.
                let valueStart = inner.right - needed
                let labelRoom = valueStart - inner.col - 1
                canvas.line(TextWidth.elide(line.label, to: labelRoom - 1) + ":", row: row, col: inner.col, width: labelRoom, role: Role.dim)
                canvas.segment(line.value, row: row, col: valueStart, width: needed, role: role)
                row += 1
                continue
            }
            canvas.line(line.label + ":", row: row, col: inner.col, width: labelWidth + 1, role: Role.dim)
            for part in TextWidth.wrap(line.value, to: max(1, valueWidth), breakingWords: false) where row < inner.bottom {
                canvas.segment(part, row: row, col: valueCol, width: valueWidth, role: role)
                row += 1
            }
        }
    }
}
