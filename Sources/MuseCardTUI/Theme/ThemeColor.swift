/// A colour in a theme: the terminal default, one of the 8 basic ANSI colours, or a 256-colour
/// number with the basic colour to use on 8-colour terminals.
public enum ThemeColor: Sendable, Equatable {
    case terminalDefault
    case basic(Int16)
    case indexed(Int16, fallback: Int16)

    /// The 8 basic ANSI names, in colour-number order.
    public static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// The colour for a basic name or `default`, nil for anything else.
    public static func named(_ name: String) -> ThemeColor? {
        if name == "default" { return .terminalDefault }
        return basicNames.firstIndex(of: name).map { .basic(Int16($0)) }
    }

    /// The colour number to give ncurses on a terminal with `colors` colours (-1 = default).
    public func number(colors: Int) -> Int16 {
        switch self {
        case .terminalDefault: return -1
        case .basic(let value): return value
        case .indexed(let value, let fallback): return colors >= 256 ? value : fallback
        }
    }
}

/// How a role looks: colours and attributes.
public struct Style: Sendable, Equatable {
    public var fg: ThemeColor
    public var bg: ThemeColor
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(fg: ThemeColor = .terminalDefault, bg: ThemeColor = .terminalDefault,
                bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    /// The same style without colours, for monochrome terminals.
    public var withoutColor: Style { Style(bold: bold, reverse: reverse, underline: underline) }
}
