import MuseCardViewModel

/// A form: one line per field (values already masked by the model), its hint or error under it,
/// the form's own error, then the submit button.
public enum FormDialog {
    static let valueWidth = 28

    /// Draws the form centred in `bounds`.
    public static func draw(_ form: FormModel, on canvas: Canvas, in bounds: Rect) {
        let labelWidth = TextWidth.widest(form.fields.map(\.label))
        let notes = form.fields.compactMap { $0.error.map { "✗ " + $0 } ?? $0.hint }
        let width = min(70, max(labelWidth + 2 + valueWidth, TextWidth.widest(notes) + labelWidth + 2, TextWidth.of(form.title) + 4))
        let formError = form.error.map { TextWidth.wrap("✗ " + $0, to: width) } ?? []
        let fieldLines = form.fields.reduce(0) { $0 + 1 + (($1.error ?? $1.hint) == nil ? 0 : 1) }
        let inner = Popup.open(on: canvas, in: bounds, contentWidth: width,
                               contentHeight: fieldLines + formError.count + 2, title: form.title)
        var row = inner.row
        let valueCol = inner.col + labelWidth + 2
        for (index, field) in form.fields.enumerated() where row < inner.bottom - 2 {
            let focused = index == form.focused
            canvas.line(field.label, row: row, col: inner.col, width: labelWidth, role: focused ? Role.hintsKey : Role.normal)
            let shown = field.choices.isEmpty ? field.value + (focused ? "▏" : "") : "‹ \(field.value) ›"
            canvas.line(shown, row: row, col: valueCol, width: inner.right - valueCol,
                        role: focused ? Role.menuSelected : (field.error == nil ? Role.listHeader : Role.error))
            row += 1
            if let error = field.error {
                canvas.segment("✗ " + error, row: row, col: valueCol, width: inner.right - valueCol, role: Role.error)
                row += 1
            } else if let hint = field.hint {
                canvas.segment(hint, row: row, col: valueCol, width: inner.right - valueCol, role: Role.dim)
                row += 1
            }
        }
        for line in formError where row < inner.bottom - 1 {
            canvas.put(line, row: row, col: inner.col, role: Role.error, maxWidth: inner.width)
            row += 1
        }
        let submitRow = inner.bottom - 1
        let next = canvas.button(form.submitLabel, row: submitRow, col: valueCol, focused: form.focused >= form.fields.count)
        canvas.put("tab next  esc cancel", row: submitRow, col: next + 2, role: Role.dim, maxWidth: max(0, inner.right - next - 2))
    }
}
