import MuseCardViewModel

/// The bottom two lines: the filter and flash message, then the key hints.
public enum HintBar {
    /// Draws the filter/flash line in `status` and the key hints in `hints`.
    public static func draw(_ screen: ScreenModel, on canvas: Canvas, status: Rect, hints: Rect) {
        drawStatus(filter: screen.filter, flash: screen.flash, on: canvas, in: status)
        if let line = screen.commandLine, !status.isEmpty {
            // The command line takes the start of the status line; the flash (completions, errors) follows.
            canvas.fill(status, role: Role.normal)
            let col = canvas.segment(":" + line + "▏", row: status.row, col: status.col + 1, width: status.width - 2, role: Role.hintsKey) + 3
            if let flash = screen.flash, col < status.right {
                canvas.segment(flash.text, row: status.row, col: col, width: status.right - col - 1, role: flashRole(flash.kind))
            }
        }
        drawHints(screen.hints, on: canvas, in: hints)
    }

    static func drawStatus(filter: FilterModel?, flash: FlashModel?, on canvas: Canvas, in rect: Rect) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect, role: Role.normal)
        var col = rect.col + 1
        if let filter {
            let cursor = filter.isEditing ? "▏" : ""
            let text = "/\(filter.text)\(cursor)  \(filter.matchCount) match\(filter.matchCount == 1 ? "" : "es")"
            col = canvas.segment(text, row: rect.row, col: col, width: rect.right - col, role: filter.isEditing ? Role.hintsKey : Role.dim) + 3
        }
        if let flash, col < rect.right {
            canvas.segment(flash.text, row: rect.row, col: col, width: rect.right - col - 1, role: flashRole(flash.kind))
        }
    }

    /// Key hints `key label`, as many as fit, keys in their own role.
    static func drawHints(_ hints: [KeyHintModel], on canvas: Canvas, in rect: Rect) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect, role: Role.normal)
        var col = rect.col + 1
        for hint in hints {
            let width = TextWidth.of(hint.key) + 1 + TextWidth.of(hint.label)
            guard col + width <= rect.right - 1 else { break }
            col = canvas.segment(hint.key, row: rect.row, col: col, width: rect.right - col, role: Role.hintsKey)
            col = canvas.segment(" " + hint.label, row: rect.row, col: col, width: rect.right - col, role: Role.dim) + 2
        }
    }

    static func flashRole(_ kind: FlashModel.Kind) -> String {
        switch kind {
        case .success: return Role.flashSuccess
        case .error: return Role.flashError
        case .info: return Role.flashInfo
        }
    }
}
