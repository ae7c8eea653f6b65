/// Something that happened at the terminal.
public enum TerminalEvent: Sendable, Equatable {
    /// A key, by name.
    case key(String)
    /// The terminal changed size.
    case resize
    /// Text pasted in one go (bracketed paste): text, never keys.
    case paste(String)
    /// A mouse press or wheel step at a cell.
    case mouse(MouseEvent)
    /// The terminal went away (its other side closed) and no SIGHUP said so.
    case hangup
}

/// What the mouse did, and where (0-based screen cell).
public struct MouseEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case press, wheelUp, wheelDown }
    public var kind: Kind
    public var row: Int
    public var col: Int

    public init(_ kind: Kind, row: Int, col: Int) {
        self.kind = kind
        self.row = row
        self.col = col
    }
}

/// The terminal as the event loop sees it: a size, events, and a way to paint a frame.
public protocol TerminalDevice: AnyObject {
    var size: Size { get }
    /// Waits a short while (the poll timeout) for input; nil when none came.
    func nextEvent() -> TerminalEvent?
    /// Clears, lets `draw` paint the whole frame, and shows it in one update.
    func present(_ draw: (Canvas) -> Void)
    /// Writes a control sequence straight to the terminal (OSC 52), between frames.
    func writeRaw(_ sequence: String)
    /// Paints from now on with `theme`.
    func apply(_ theme: Theme)
    /// How long `nextEvent` waits: short while answers are arriving, so they are drawn at once.
    func setPollTimeout(milliseconds: Int32)
}

extension TerminalDevice {
    public func writeRaw(_ sequence: String) {}
    public func apply(_ theme: Theme) {}
    public func setPollTimeout(milliseconds: Int32) {}
}
