/// A centred bordered box over the screen, sized to its content and clipped to the screen.
enum Popup {
    /// Draws the box for `contentWidth` x `contentHeight` (one cell of padding inside the border)
    /// and returns the content rectangle.
    @discardableResult
    static func open(on canvas: Canvas, in bounds: Rect, contentWidth: Int, contentHeight: Int,
                     title: String, role: String = Role.dialogBorder) -> Rect {
        let width = min(bounds.width - 2, contentWidth + 4)
        let height = min(bounds.height - 2, contentHeight + 2)
        let rect = bounds.centred(width: width, height: height)
        canvas.box(rect, role: role, title: title)
        return Rect(row: rect.row + 1, col: rect.col + 2, width: rect.width - 4, height: rect.height - 2)
    }

    /// The widest of `lines`, in columns.
    static func widest(_ lines: [String]) -> Int {
        lines.map(TextWidth.of).max() ?? 0
    }
}
