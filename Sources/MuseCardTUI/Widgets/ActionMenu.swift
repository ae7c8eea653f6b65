import MuseCardViewModel

/// The action menu: every action with its key; unavailable ones greyed with the reason.
public enum ActionMenu {
    static let footer = "enter run  esc close"

    /// As wide as the reasons need and the screen allows.
    static func contentWidth(_ menu: MenuModel, bounds: Rect) -> Int {
        let keyWidth = TextWidth.widest(menu.items.map(\.key))
        let labelWidth = TextWidth.widest(menu.items.map(\.label))
        let reasonWidth = TextWidth.widest(menu.items.compactMap(\.reason).map { "— " + $0 })
        let wanted = min(max(20, bounds.width - 8),
                         max(TextWidth.of(menu.title) + 4, keyWidth + 2 + labelWidth + (reasonWidth > 0 ? 2 + reasonWidth : 0)))
        return max(wanted, TextWidth.of(footer))
    }

    /// The entry drawn at `row`/`col`, for a click; nil outside the entries.
    public static func item(atRow row: Int, col: Int, of menu: MenuModel, in bounds: Rect) -> Int? {
        let inner = Popup.frame(in: bounds, contentWidth: contentWidth(menu, bounds: bounds), contentHeight: menu.items.count + 2).content
        let visible = max(0, inner.height - 2)
        let first = Popup.firstVisible(selected: menu.selected, count: menu.items.count, visible: visible)
        guard (inner.col..<inner.right).contains(col), (inner.row..<(inner.row + visible)).contains(row) else { return nil }
        let index = first + row - inner.row
        return menu.items.indices.contains(index) ? index : nil
    }

    /// Draws the menu centred in `bounds`, as wide as its reasons need and the screen allows.
    public static func draw(_ menu: MenuModel, on canvas: Canvas, in bounds: Rect) {
        let keyWidth = TextWidth.widest(menu.items.map(\.key))
        let labelWidth = TextWidth.widest(menu.items.map(\.label))
        let inner = Popup.open(on: canvas, in: bounds, contentWidth: contentWidth(menu, bounds: bounds),
                               contentHeight: menu.items.count + 2, title: menu.title)
        let visible = max(0, inner.height - 2)
        let first = Popup.firstVisible(selected: menu.selected, count: menu.items.count, visible: visible)
        for (offset, item) in menu.items.dropFirst(first).prefix(visible).enumerated() {
            let index = first + offset
            let row = inner.row + offset
            let selected = index == menu.selected
            let role = selected ? Role.menuSelected : (item.isEnabled ? Role.normal : Role.menuDisabled)
            canvas.line("", row: row, col: inner.col, width: inner.width, role: role)
            var col = canvas.segment(TextWidth.pad(item.key, to: keyWidth), row: row, col: inner.col, width: inner.width,
                                     role: selected ? role : (item.isEnabled ? Role.hintsKey : Role.menuDisabled))
            let labelRole = item.isDangerous && item.isEnabled && !selected ? Role.dialogDanger : role
            col = canvas.segment("  " + item.label, row: row, col: col, width: inner.right - col, role: labelRole)
            if !item.isEnabled, let reason = item.reason {
                let reasonCol = max(col + 2, inner.col + keyWidth + 2 + labelWidth + 2)
                canvas.segment("— " + reason, row: row, col: reasonCol, width: inner.right - reasonCol, role: role)
            }
        }
        canvas.put(footer, row: inner.bottom - 1, col: inner.col, role: Role.dim, maxWidth: inner.width)
    }
}
