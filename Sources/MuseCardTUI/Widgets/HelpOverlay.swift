import MuseCardViewModel

/// The help overlay: every key by section, in as many columns as fit.
public enum HelpOverlay {
    /// Draws the overlay over most of `bounds`.
    public static func draw(_ help: HelpModel, on canvas: Canvas, in bounds: Rect) {
        let blocks = help.sections.map(lines)
        let blockWidth = max(24, TextWidth.widest(blocks.flatMap { $0 }.map(\.text)))
        let available = max(1, bounds.width - 6)
        let columns = max(1, min(blocks.count, (available + 3) / (blockWidth + 3)))
        let columnWidth = min(blockWidth, (available - 3 * (columns - 1)) / columns)
        var stacks = Array(repeating: [(text: String, role: String)](), count: columns)
        for block in blocks {
            let shortest = stacks.indices.min { stacks[$0].count < stacks[$1].count } ?? 0
            if !stacks[shortest].isEmpty { stacks[shortest].append(("", Role.normal)) }
            stacks[shortest].append(contentsOf: block)
        }
        let height = (stacks.map(\.count).max() ?? 0) + 2
        let inner = Popup.open(on: canvas, in: bounds, contentWidth: columns * columnWidth + 3 * (columns - 1),
                               contentHeight: height, title: "Keys")
        for (index, stack) in stacks.enumerated() {
            let col = inner.col + index * (columnWidth + 3)
            for (offset, line) in stack.prefix(max(0, inner.height - 2)).enumerated() {
                canvas.segment(line.text, row: inner.row + offset, col: col, width: min(columnWidth, inner.right - col), role: line.role)
            }
        }
        canvas.put("esc or ? close", row: inner.bottom - 1, col: inner.col, role: Role.dim, maxWidth: inner.width)
    }

    /// A section as lines: its title, then `key  label` entries with keys padded to one width.
    static func lines(_ section: HelpModel.Section) -> [(text: String, role: String)] {
        let keyWidth = TextWidth.widest(section.entries.map(\.key))
        return [(section.title, Role.listHeader)] + section.entries.map {
            (TextWidth.pad($0.key, to: keyWidth) + "  " + $0.label, Role.normal)
        }
    }
}
