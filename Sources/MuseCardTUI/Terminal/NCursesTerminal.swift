import CNCurses
import Foundation

/// The real terminal: sets ncurses up, reads keys with a short timeout, paints frames, and
/// gives the terminal back exactly once.
public final class NCursesTerminal: TerminalDevice {
    /// How long `nextEvent` waits for a key, in milliseconds.
    public static let pollMilliseconds: Int32 = 50

    private let window: UnsafeMutablePointer<WINDOW>
    private let canvas: NCursesCanvas
    private var isOpen = true

    /// Takes over the terminal with `theme`. Call `close()` when done (also on errors).
    public init(theme: Theme) throws {
        if setlocale(LC_ALL, "") == nil || !NCursesTerminal.localeIsUTF8() {
            setlocale(LC_ALL, "C.UTF-8")
        }
        cn_install_crash_restore()
        guard initscr() != nil, let window = cn_stdscr() else {
            throw TerminalError.cannotStart
        }
        self.window = window
        keypad(window, true)
        noecho()
        cbreak()
        set_escdelay(25)
        curs_set(0)
        wtimeout(window, NCursesTerminal.pollMilliseconds)
        if !theme.isMonochrome && has_colors() {
            start_color()
            use_default_colors()
        }
        canvas = NCursesCanvas(window: window, theme: theme, colors: Int(cn_colors()))
    }

    public var size: Size { canvas.size }

    public func nextEvent() -> TerminalEvent? {
        var value: UInt32 = 0
        let result = cn_get_wch(window, &value)
        if result == cn_err() { return nil }
        if result == cn_key_code_yes() {
            if Int32(value) == cn_key_resize() { return .resize }
            return KeyDecoder.name(for: .keyCode(Int32(value))).map(TerminalEvent.key)
        }
        return KeyDecoder.name(for: .character(value)).map(TerminalEvent.key)
    }

    public func present(_ draw: (Canvas) -> Void) {
        canvas.erase()
        draw(canvas)
        canvas.present()
    }

    /// Restores the terminal (idempotent).
    public func close() {
        guard isOpen else { return }
        isOpen = false
        endwin()
    }

    deinit { close() }

    static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        return String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
    }
}

/// The terminal could not be taken over.
public enum TerminalError: Error, CustomStringConvertible {
    case cannotStart
    case notATerminal

    public var description: String {
        switch self {
        case .cannotStart: return "cannot start the terminal (is TERM set?)"
        case .notATerminal: return "the console needs a terminal; use `musecard card …` in scripts"
        }
    }
}
