import CNCurses

/// Paints the real terminal through ncursesw. Use from the one curses thread only.
public final class NCursesCanvas: Canvas {
    private let window: UnsafeMutablePointer<WINDOW>
    private let attributes: [String: attr_t]
    private let normal: attr_t

    /// A canvas over `window` with one colour pair per role of `theme` (colours must be started).
    init(window: UnsafeMutablePointer<WINDOW>, theme: Theme, colors: Int) {
        self.window = window
        var attributes: [String: attr_t] = [:]
        let useColor = !theme.isMonochrome && colors >= 8 && has_colors()
        for (index, role) in Role.all.enumerated() {
            let style = theme.style(for: role)
            var attr = cn_a_normal()
            if useColor {
                let pair = Int16(index + 1)
                init_pair(pair, style.fg.number(colors: colors), style.bg.number(colors: colors))
                attr |= cn_color_pair(Int32(pair))
            }
            if style.bold { attr |= cn_a_bold() }
            if style.reverse { attr |= cn_a_reverse() }
            if style.underline { attr |= cn_a_underline() }
            attributes[role] = attr
        }
        self.attributes = attributes
        normal = attributes[Role.normal] ?? cn_a_normal()
    }

    public var size: Size {
        Size(columns: Int(cn_getmaxx(window)), rows: Int(cn_getmaxy(window)))
    }

    public func put(_ text: String, row: Int, col: Int, role: String, maxWidth: Int?) {
        let size = self.size
        guard row >= 0, row < size.rows else { return }
        let clipped = CanvasText.clip(text, col: col, maxWidth: maxWidth, columns: size.columns)
        guard !clipped.text.isEmpty else { return }
        paint(clipped.text, row: row, col: clipped.col, role: role)
    }

    /// Writes text that is already safe and inside the screen.
    private func paint(_ text: String, row: Int, col: Int, role: String) {
        // Known roles hit the table directly; only unknown names pay for resolving.
        cn_attrset(window, attributes[role] ?? attributes[Role.resolve(role)] ?? normal)
        // Writing the bottom-right cell reports ERR after painting it; nothing to do about that.
        if let count = TextWidth.asciiWidth(text) {
            // Printable ASCII goes as bytes: no wide-character array per call.
            var text = text
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { _ = mvwaddnstr(window, Int32(row), Int32(col), $0.baseAddress, Int32(count)) }
            }
        } else {
            var wide: [wchar_t] = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            let count = Int32(wide.count)
            wide.append(0)
            _ = mvwaddnwstr(window, Int32(row), Int32(col), &wide, count)
        }
        cn_attrset(window, normal)
    }

    public func fill(_ rect: Rect, role: String) {
        let size = self.size
        let left = max(0, rect.col), right = min(size.columns, rect.right)
        guard right > left else { return }
        let blank = String(repeating: " ", count: right - left)
        for row in max(0, rect.row)..<min(size.rows, rect.bottom) {
            paint(blank, row: row, col: left, role: role)
        }
    }

    /// Clears the frame before a full redraw.
    func erase() { werase(window) }

    /// Sends the frame to the terminal in one update.
    func present() {
        wnoutrefresh(window)
        doupdate()
    }
}
