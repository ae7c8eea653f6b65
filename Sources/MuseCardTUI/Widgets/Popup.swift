/// A centred bordered box over the screen, sized to its content and clipped to the screen.
enum Popup {
    /// Draws the box for `contentWidth` x `contentHeight` (one cell of padding inside the border)
    /// and returns the content rectangle.
    @discardableResult
    static func open(on canvas: Canvas, in bounds: Rect, contentWidth: Int, contentHeight: Int,
                     title: String, role: String = Role.dialogBorder) -> Rect {
        let (rect, inner) = frame(in: bounds, contentWidth: contentWidth, contentHeight: contentHeight)
        canvas.box(rect, role: role, title: title)
        return inner
    }

    /// Where `open` puts the box and its content, without drawing (for hit-testing clicks).
    static func frame(in bounds: Rect, contentWidth: Int, contentHeight: Int) -> (box: Rect, content: Rect) {
        let width = min(bounds.width - 2, contentWidth + 4)
        let height = min(bounds.height - 2, contentHeight + 2)
        let rect = bounds.centred(width: width, height: height)
        return (rect, Rect(row: rect.row + 1, col: rect.col + 2, width: rect.width - 4, height: rect.height - 2))
    }

    /// The first of `count` rows to show in `visible` rows so that `selected` is on screen.
    static func firstVisible(selected: Int, count: Int, visible: Int) -> Int {
        max(0, min(selected - visible + 1, count - visible))
    }
}
