/// What a terminal below the minimum size shows instead of a broken frame.
public enum TooSmall {
    /// Draws the message centred, wrapped to whatever width there is.
    public static func draw(on canvas: Canvas, minimum: Size) {
        let size = canvas.size
        canvas.fill(canvas.bounds, role: Role.normal)
        let message = "terminal too small (need \(minimum.columns)x\(minimum.rows))"
        let lines = TextWidth.wrap(message, to: max(1, size.columns)) + ["now \(size.columns)x\(size.rows)", "q quits"]
        let top = max(0, (size.rows - lines.count) / 2)
        for (index, line) in lines.enumerated() where top + index < size.rows {
            let col = max(0, (size.columns - TextWidth.of(line)) / 2)
            canvas.put(line, row: top + index, col: col, role: index == 0 ? Role.error : Role.dim)
        }
    }
}
