import MuseCardViewModel

/// A yes/no confirmation; dangerous ones in the danger role, Cancel focused unless moved.
public enum ConfirmDialog {
    /// Draws the dialog centred in `bounds`.
    public static func draw(_ confirm: ConfirmModel, on canvas: Canvas, in bounds: Rect) {
        let buttons = "[ \(confirm.cancelLabel) ]    [ \(confirm.confirmLabel) ]"
        let width = min(60, max(TextWidth.of(buttons), TextWidth.widest(confirm.message), TextWidth.of(confirm.title) + 4))
        let message = confirm.message.flatMap { TextWidth.wrap($0, to: width) }
        let role = confirm.isDangerous ? Role.dialogDanger : Role.dialogBorder
        let inner = Popup.open(on: canvas, in: bounds, contentWidth: width, contentHeight: message.count + 2,
                               title: confirm.title, role: role)
        for (index, line) in message.prefix(max(0, inner.height - 2)).enumerated() {
            canvas.put(line, row: inner.row + index, col: inner.col, role: Role.normal, maxWidth: inner.width)
        }
        let row = inner.bottom - 1
        let start = inner.col + max(0, (inner.width - TextWidth.of(buttons)) / 2)
        let next = canvas.button(confirm.cancelLabel, row: row, col: start, focused: !confirm.confirmFocused)
        canvas.button(confirm.confirmLabel, row: row, col: next + 2, focused: confirm.confirmFocused,
                      role: confirm.isDangerous ? Role.dialogDanger : Role.normal)
    }
}
