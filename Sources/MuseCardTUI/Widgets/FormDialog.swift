import MuseCardViewModel

/// A form: one line per field (values already masked by the model), its hint or errors wrapped
/// under it, the form's own error, then the submit button row, which is never cut.
public enum FormDialog {
    /// The content width: fixed per screen size, so the popup does not jump as errors come and go.
    static func contentWidth(in bounds: Rect) -> Int {
        min(66, max(20, bounds.width - 8))
    }

    static let footer = "tab next  ^U clear  esc cancel"

    /// Draws the form centred in `bounds`.
    public static func draw(_ form: FormModel, on canvas: Canvas, in bounds: Rect) {
        let width = contentWidth(in: bounds)
        let labelWidth = min(TextWidth.widest(form.fields.map(\.label)), width / 3)
        let valueWidth = max(1, width - labelWidth - 2)
        let notes = form.fields.map { field in
            field.error.map { TextWidth.wrap("✗ " + $0, to: valueWidth) } ?? field.hint.map { TextWidth.wrap($0, to: valueWidth) } ?? []
        }
        let formError = form.error.map { TextWidth.wrap("✗ " + $0, to: width) } ?? []
        let intro = form.intro.flatMap { TextWidth.wrap($0, to: width) }
        let introLines = intro.isEmpty ? 0 : intro.count + 1
        let fieldLines = form.fields.count + notes.reduce(0) { $0 + $1.count }
        let inner = Popup.open(on: canvas, in: bounds, contentWidth: width,
                               contentHeight: introLines + fieldLines + formError.count + 2, title: form.title)
        var row = inner.row
        let valueCol = inner.col + labelWidth + 2
        // The last two rows hold a gap and the buttons whatever else is cut.
        let lastContentRow = inner.bottom - 2
        // What the form is about; it gives way to the fields when the screen is short.
        let introRoom = max(0, min(introLines, lastContentRow - row - fieldLines - formError.count))
        for line in intro.prefix(max(0, introRoom - 1)) {
            canvas.put(line, row: row, col: inner.col, role: Role.normal, maxWidth: inner.width)
            row += 1
        }
        if introRoom > 0 { row += 1 }
        for (index, field) in form.fields.enumerated() where row < lastContentRow {
            let focused = index == form.focused
            canvas.line(field.label, row: row, col: inner.col, width: labelWidth, role: focused ? Role.hintsKey : Role.normal)
            let shown = field.choices.isEmpty ? field.value + (focused ? "▏" : "") : "‹ \(field.value) ›"
            canvas.line(shown, row: row, col: valueCol, width: inner.right - valueCol,
                        role: focused ? Role.menuSelected : (field.error == nil ? Role.listHeader : Role.error))
            row += 1
            for note in notes[index] where row < lastContentRow {
                canvas.segment(note, row: row, col: valueCol, width: inner.right - valueCol, role: field.error == nil ? Role.dim : Role.error)
                row += 1
            }
        }
        for line in formError where row < lastContentRow {
            canvas.put(line, row: row, col: inner.col, role: Role.error, maxWidth: inner.width)
            row += 1
        }
        let submitRow = inner.bottom - 1
        let next = canvas.button(form.submitLabel, row: submitRow, col: inner.col, focused: form.focused >= form.fields.count)
        canvas.segment(footer, row: submitRow, col: next + 2, width: max(0, inner.right - next - 2), role: Role.dim)
    }
}
