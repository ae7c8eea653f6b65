import MuseCardViewModel

/// The cardholder picker: a typed user id, then the known cardholders to choose from.
public enum PickerDialog {
    /// Draws the picker centred in `bounds`.
    public static func draw(_ picker: PickerModel, on canvas: Canvas, in bounds: Rect) {
        let labelWidth = TextWidth.widest(picker.entries.map(\.label))
        let idWidth = TextWidth.widest(picker.entries.map(\.userId))
        let width = min(72, max(40, idWidth + labelWidth + 4 + TextWidth.widest(picker.entries.map(\.detail))))
        let extra = picker.error == nil ? 0 : 1
        let listHeight = picker.placeholder == nil ? picker.entries.count : 1
        let inner = Popup.open(on: canvas, in: bounds, contentWidth: width,
                               contentHeight: listHeight + 4 + extra, title: picker.title)
        let typing = !picker.input.isEmpty
        canvas.put("Find: ", row: inner.row, col: inner.col, role: Role.dim)
        canvas.line(picker.input + "▏", row: inner.row, col: inner.col + 6, width: inner.width - 6,
                    role: typing ? Role.menuSelected : Role.listHeader)
        var row = inner.row + 1
        if let error = picker.error {
            canvas.segment("✗ " + error, row: row, col: inner.col, width: inner.width, role: Role.error)
            row += 1
        }
        row += 1
        if let placeholder = picker.placeholder {
            canvas.segment(placeholder, row: row, col: inner.col, width: inner.width, role: Role.dim)
        }
        let visible = max(0, inner.bottom - 1 - row)
        let first = Popup.firstVisible(selected: picker.selected, count: picker.entries.count, visible: visible)
        for (offset, entry) in picker.entries.dropFirst(first).prefix(visible).enumerated() {
            let selected = (!typing || picker.resultsFocused) && first + offset == picker.selected
            let role = selected ? Role.menuSelected : Role.normal
            canvas.line("", row: row, col: inner.col, width: inner.width, role: role)
            var col = canvas.segment(TextWidth.pad(entry.userId, to: idWidth), row: row, col: inner.col, width: inner.width, role: role)
            col = canvas.segment("  " + TextWidth.pad(entry.label, to: labelWidth), row: row, col: col, width: inner.right - col, role: role)
            canvas.segment("  " + entry.detail, row: row, col: col, width: inner.right - col, role: selected ? role : Role.dim)
            row += 1
        }
        // Del forgets only in the known list (shown while nothing is typed), so only then is it offered.
        let footer = !typing && !picker.entries.isEmpty ? "↑↓ choose  ⏎ open  del forget  esc close" : "↑↓ choose  enter open  esc close"
        canvas.put(footer, row: inner.bottom - 1, col: inner.col, role: Role.dim, maxWidth: inner.width)
    }
}
