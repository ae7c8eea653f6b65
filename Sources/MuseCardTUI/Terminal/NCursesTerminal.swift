import CNCurses
import Foundation

/// The real terminal: sets ncurses up, reads keys with a short timeout, paints frames, and
/// gives the terminal back exactly once.
public final class NCursesTerminal: TerminalDevice {
    /// How long `nextEvent` waits for a key, in milliseconds, when nothing is changing.
    public static let pollMilliseconds: Int32 = 50
    /// The wait while answers are arriving: a changed state is drawn within this.
    public static let busyPollMilliseconds: Int32 = 5
    /// Characters read in one `nextEvent` while a sequence or paste is unfinished, before the
    /// loop gets a turn to check signals and draw.
    static let maxReadsPerEvent = 4096

    private let window: UnsafeMutablePointer<WINDOW>
    private var canvas: NCursesCanvas
    private var isOpen = true
    private var decoder = InputDecoder()
    /// Events completed by one read beyond the first, handed out by the next calls.
    private var queued: [TerminalEvent] = []

    /// Takes over the terminal with `theme`. Call `close()` when done (also on errors).
    public init(theme: Theme, mouse: Bool = false) throws {
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
        cn_bracketed_paste(1)
        // Without it the terminal's own selection keeps working (`mouse: false`, `--no-mouse`).
        if mouse { cn_mouse(1) }
        wtimeout(window, NCursesTerminal.pollMilliseconds)
        if !theme.isMonochrome && has_colors() {
            start_color()
            use_default_colors()
        }
        canvas = NCursesCanvas(window: window, theme: theme, colors: Int(cn_colors()))
    }

    public var size: Size { canvas.size }

    public func setPollTimeout(milliseconds: Int32) {
        wtimeout(window, milliseconds)
    }

    public func nextEvent() -> TerminalEvent? {
        if !queued.isEmpty { return queued.removeFirst() }
        // Reads on while a sequence or paste is unfinished, so it arrives as one event.
        for _ in 0..<NCursesTerminal.maxReadsPerEvent {
            var value: UInt32 = 0
            let result = cn_get_wch(window, &value)
            if result == cn_err() { return Self.terminalHungUp() ? .hangup : take(decoder.idle()) }
            if result == cn_key_code_yes() && Int32(value) == cn_key_resize() { return .resize }
            if result == cn_key_code_yes() && Int32(value) == cn_key_mouse() { return mouseEvent() }
            let input: KeyDecoder.Input = result == cn_key_code_yes() ? .keyCode(Int32(value)) : .character(value)
            let events = decoder.feed(input)
            if !events.isEmpty { return take(events) }
        }
        return nil
    }

    /// True when the terminal on standard input is gone. A terminal emulator closing sends
    /// SIGHUP only to its session's processes; one whose pty vanishes otherwise (not this
    /// process's controlling terminal, a signal lost) would leave the console running, unseen.
    private static func terminalHungUp() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) == 1 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    private func mouseEvent() -> TerminalEvent? {
        var row: Int32 = 0, col: Int32 = 0
        switch cn_getmouse(&row, &col) {
        case 1: return .mouse(MouseEvent(.press, row: Int(row), col: Int(col)))
        case 4: return .mouse(MouseEvent(.wheelUp, row: Int(row), col: Int(col)))
        case 5: return .mouse(MouseEvent(.wheelDown, row: Int(row), col: Int(col)))
        default: return nil
        }
    }

    private func take(_ events: [TerminalEvent]) -> TerminalEvent? {
        queued += events
        return queued.isEmpty ? nil : queued.removeFirst()
    }

    public func present(_ draw: (Canvas) -> Void) {
        canvas.erase()
        draw(canvas)
        canvas.present()
    }

    public func apply(_ theme: Theme) {
        guard isOpen else { return }
        if !theme.isMonochrome && has_colors() {
            start_color()
            use_default_colors()
        }
        canvas = NCursesCanvas(window: window, theme: theme, colors: Int(cn_colors()))
    }

    public func writeRaw(_ sequence: String) {
        guard isOpen else { return }
        let bytes = Array(sequence.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return write(STDOUT_FILENO, base, buffer.count)
            }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Restores the terminal (idempotent).
    public func close() {
        guard isOpen else { return }
        isOpen = false
        endwin()
        cn_bracketed_paste(0)
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
