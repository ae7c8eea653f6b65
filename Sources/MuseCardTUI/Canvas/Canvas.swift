import MuseCardKit
import MuseCardViewModel

/// A surface widgets draw on: the real terminal or an in-memory grid for tests.
///
/// Every implementation sanitises text again before it lands (defence in depth), clips to
/// its size, and measures in columns with `TextWidth`.
public protocol Canvas: AnyObject {
    /// The size in columns and rows.
    var size: Size { get }
    /// Writes `text` at `row`/`col` with a theme role, cut to `maxWidth` columns and to the canvas edge.
    func put(_ text: String, row: Int, col: Int, role: String, maxWidth: Int?)
    /// Fills a rectangle with spaces in a role.
    func fill(_ rect: Rect, role: String)
}

extension Canvas {
    /// Writes `text` at `row`/`col`, cut at the canvas edge.
    public func put(_ text: String, row: Int, col: Int, role: String = Role.normal) {
        put(text, row: row, col: col, role: role, maxWidth: nil)
    }

    /// The whole canvas as a rectangle.
    public var bounds: Rect { Rect(row: 0, col: 0, width: size.columns, height: size.rows) }
}

/// The text a canvas may show: sanitised, with the cells each character takes.
enum CanvasText {
    /// Sanitises `text` and cuts it to the columns that are free from `col` up to the limit.
    static func clip(_ text: String, col: Int, maxWidth: Int?, columns: Int) -> (text: String, col: Int) {
        var clean = ServiceText.sanitize(text)
        var start = col
        if start < 0 {
            clean = dropColumns(clean, -start)
            start = 0
        }
        let room = min(maxWidth ?? Int.max, columns - start)
        guard room > 0 else { return ("", start) }
        return (TextWidth.prefix(clean, columns: room), start)
    }

    private static func dropColumns(_ text: String, _ columns: Int) -> String {
        var dropped = 0
        var rest = Substring(text)
        while dropped < columns, let first = rest.first {
            dropped += TextWidth.of(first)
            rest = rest.dropFirst()
        }
        return String(rest)
    }
}
