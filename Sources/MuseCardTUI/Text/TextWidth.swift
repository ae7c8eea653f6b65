/// Terminal column widths of text, independent of the process locale.
///
/// East Asian Wide and Fullwidth characters and emoji take two columns, combining marks and
/// other zero-width characters none, everything else one. All padding and truncation in the
/// front is done in columns, never in characters.
public enum TextWidth {
    /// Columns taken by one Unicode scalar.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        // Below the first wide block, and in box drawing and geometric shapes (every frame's
        // separators and markers), nothing is wide or emoji-presented: no table scan.
        if value < 0x1100 || (0x2500...0x25FC).contains(value) { return 1 }
        if (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Columns taken by one character (a grapheme cluster): its widest scalar, so a base letter
    /// with combining marks is one column and an emoji sequence two.
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            width = max(width, of(scalar))
            // A variation selector 16 asks for emoji presentation: two columns.
            if scalar.value == 0xFE0F { width = 2 }
        }
        return width
    }

    /// Columns taken by a string.
    public static func of(_ text: String) -> Int {
        if let width = asciiWidth(text) { return width }
        return text.reduce(0) { $0 + of($1) }
    }

    /// The width of printable ASCII text (one column a byte, no grapheme breaking); nil for anything else.
    @inline(__always)
    static func asciiWidth(_ text: String) -> Int? {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? text.utf8.count : nil
    }

    /// The widest of `lines`, in columns.
    public static func widest(_ lines: [String]) -> Int {
        lines.map(of).max() ?? 0
    }

    /// The longest prefix of `text` that fits in `columns`, ending with `…` when something was cut.
    public static func elide(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        return prefix(text, columns: columns - 1) + "…"
    }

    /// The longest prefix of `text` that fits in `columns`, cut without a mark.
    public static func prefix(_ text: String, columns: Int) -> String {
        if let width = asciiWidth(text) {
            return width <= columns ? text : String(decoding: text.utf8.prefix(max(0, columns)), as: UTF8.self)
        }
        var used = 0
        var out = ""
        for character in text {
            let width = of(character)
            if used + width > columns { break }
            used += width
            out.append(character)
        }
        return out
    }

    /// `text` elided to `columns` and padded with spaces to exactly `columns`.
    public static func pad(_ text: String, to columns: Int, alignRight: Bool = false) -> String {
        let cut = elide(text, to: columns)
        let gap = max(0, columns - of(cut))
        guard gap > 0 else { return cut }
        // Built once at its final size from a stock of blanks: every cell of every row is padded.
        let blanks = gap <= spaces.utf8.count ? spaces.prefix(gap) : Substring(String(repeating: " ", count: gap))
        var out = ""
        out.reserveCapacity(cut.utf8.count + gap)
        if alignRight { out += blanks }
        out += cut
        if !alignRight { out += blanks }
        return out
    }

    private static let spaces = String(repeating: " ", count: 256)

    /// `text` fitted to `columns` by cutting its middle (`VC10…0001`): both ends of an identifier
    /// stay readable, and it is never broken across lines.
    public static func elideMiddle(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        guard columns > 2 else { return elide(text, to: columns) }
        let tailColumns = (columns - 1) / 2
        var tail = ""
        var used = 0
        for character in text.reversed() {
            let width = of(character)
            if used + width > tailColumns { break }
            used += width
            tail.insert(character, at: tail.startIndex)
        }
        return prefix(text, columns: columns - 1 - used) + "…" + tail
    }

    /// Splits `text` into lines of at most `columns`, breaking at spaces when it can; a word
    /// longer than a line is split, or with `breakingWords: false` kept on one line with its
    /// middle elided (identifiers).
    public static func wrap(_ text: String, to columns: Int, breakingWords: Bool) -> [String] {
        guard !breakingWords else { return wrap(text, to: columns) }
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map { elideMiddle(String($0), to: columns) }
        return wrap(words.joined(separator: " "), to: columns)
    }

    /// Splits `text` into lines of at most `columns`, breaking at spaces when it can.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if of(candidate) <= columns {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(line) }
            var rest = word
            while of(rest) > columns {
                let head = prefix(rest, columns: columns)
                guard !head.isEmpty else { rest = ""; break }
                lines.append(head)
                rest = String(rest.dropFirst(head.count))
            }
            line = rest
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    private static func isWide(_ value: UInt32) -> Bool {
        for range in wideRanges where range.contains(value) { return true }
        return false
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks, abridged from Unicode's EastAsianWidth.txt.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
        0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA,
        0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440,
        0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A,
        0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC,
        0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB,
        0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD,
        0x30000...0x3FFFD,
    ]
}
