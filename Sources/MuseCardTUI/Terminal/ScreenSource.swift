import Foundation
import MuseCardViewModel

/// What the event loop needs from the view-model runtime: send keys and pastes, know when the state
/// changed, get the frame to draw, and know when to stop.
public protocol ScreenSource: AnyObject, Sendable {
    /// Sends one key by name (`j`, `enter`, `ctrl-r`…); thread-safe, returns at once.
    func send(key: String)
    /// Sends text pasted in one go: it goes to the focused text input only, never as keys.
    func send(paste text: String)
    /// Says whether the "terminal too small" screen is up: while it is, only quit is honoured.
    func terminalTooSmall(_ tooSmall: Bool)
    /// Increments on every state change.
    var version: Int { get }
    /// The frame to draw, with `listHeight` card rows.
    func screen(now: Date, listHeight: Int) -> ScreenModel
    /// The frame asked for last is on the terminal.
    func framePresented()
    /// True once the user asked to quit.
    var exitRequested: Bool { get }
    /// The plain-text session summary printed after the screen is gone.
    func summaryText(now: Date) -> String
    /// Blocks up to `timeout` until changes in flight are recorded; true when idle.
    func waitForIdle(timeout: TimeInterval) -> Bool
    /// Sends an action the front derived itself (a click on a row or a menu item).
    func send(_ action: ConsoleAction)
}

extension ScreenSource {
    public func waitForIdle(timeout: TimeInterval) -> Bool { true }
    public func framePresented() {}
    public func send(_ action: ConsoleAction) {}
}
