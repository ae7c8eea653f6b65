/// Shared drawing pieces: boxes, padded lines, separators, segments.
extension Canvas {
    /// Draws a box border around `rect` with an optional title in the top edge, and clears inside.
    public func box(_ rect: Rect, role: String = Role.dialogBorder, title: String? = nil, fillRole: String = Role.normal) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(rect.inset(1), role: fillRole)
        let bar = String(repeating: "─", count: rect.width - 2)
        put("┌" + bar + "┐", row: rect.row, col: rect.col, role: role)
        put("└" + bar + "┘", row: rect.bottom - 1, col: rect.col, role: role)
        for row in (rect.row + 1)..<(rect.bottom - 1) {
            put("│", row: row, col: rect.col, role: role)
            put("│", row: row, col: rect.right - 1, role: role)
        }
        if let title, !title.isEmpty, rect.width > 6 {
            put(" " + TextWidth.elide(title, to: rect.width - 6) + " ", row: rect.row, col: rect.col + 2, role: role)
        }
    }

    /// Writes `text` padded (or elided) to exactly `width` columns, so the role covers the whole line.
    public func line(_ text: String, row: Int, col: Int, width: Int, role: String = Role.normal, alignRight: Bool = false) {
        guard width > 0 else { return }
        put(TextWidth.pad(text, to: width, alignRight: alignRight), row: row, col: col, role: role, maxWidth: width)
    }

    /// Writes `text` elided to at most `width` columns; returns the column after it.
    @discardableResult
    public func segment(_ text: String, row: Int, col: Int, width: Int, role: String = Role.normal) -> Int {
        guard width > 0 else { return col }
        let cut = TextWidth.elide(text, to: width)
        put(cut, row: row, col: col, role: role, maxWidth: width)
        return col + TextWidth.of(cut)
    }

    /// A vertical line of `│` from `row` for `height` rows.
    public func verticalLine(col: Int, row: Int, height: Int, role: String = Role.dim) {
        for r in row..<(row + max(0, height)) { put("│", row: r, col: col, role: role) }
    }

    /// Draws a button label such as `[ Cancel ]`, highlighted when focused; returns the column after it.
    @discardableResult
    public func button(_ label: String, row: Int, col: Int, focused: Bool, role: String = Role.normal) -> Int {
        let text = focused ? "[ \(label) ]" : "  \(label)  "
        put(text, row: row, col: col, role: focused ? Role.menuSelected : role)
        return col + TextWidth.of(text)
    }
}
