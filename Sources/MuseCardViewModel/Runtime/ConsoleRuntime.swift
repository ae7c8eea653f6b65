import Foundation
import Synchronization

/// Runs effects: calls the service and the store, feeding results back through `send`.
public protocol EffectRunning: Sendable {
    func run(_ effect: Effect, send: @escaping @Sendable (ConsoleAction) -> Void) async
    /// Blocks up to `timeout` until every change in flight has been recorded and reported; true when idle.
    func waitUntilIdle(timeout: TimeInterval) -> Bool
    /// A frame is on the terminal (work that can wait for the first screenful waits for this).
    func framePresented()
}

extension EffectRunning {
    public func waitUntilIdle(timeout: TimeInterval) -> Bool { true }
    public func framePresented() {}
}

/// Holds the state, applies actions through the reducer and starts their effects.
///
/// Thread-safe: the terminal thread sends keys and reads frames while effect tasks send results.
public final class ConsoleRuntime: Sendable {
    private struct Box {
        var state: ConsoleState
        var version = 0
    }

    private let box: Mutex<Box>
    private let reducer: ConsoleReducer
    private let builder: ScreenBuilder
    private let runner: any EffectRunning

    public init(state: ConsoleState, keys: KeyTable = .defaults, runner: any EffectRunning) {
        box = Mutex(Box(state: state))
        reducer = ConsoleReducer(keys: keys)
        builder = ScreenBuilder(keys: keys)
        self.runner = runner
    }

    /// Applies `action` now and starts its effects in the background.
    public func send(_ action: ConsoleAction) {
        let effects = box.withLock { box -> [Effect] in
            let before = box.state
            let effects = reducer.reduce(state: &box.state, action: action)
            if box.state != before { box.version &+= 1 }
            return effects
        }
        for effect in effects {
            Task { [runner] in
                await runner.run(effect) { [weak self] result in self?.send(result) }
            }
        }
    }

    /// Increments on every state change; redraw when it differs from the last frame's.
    public var version: Int { box.withLock { $0.version } }

    /// A copy of the current state.
    public var state: ConsoleState { box.withLock { $0.state } }

    /// The frame to draw; a new `listHeight` is remembered for scrolling and paging.
    public func screen(now: Date, listHeight: Int) -> ScreenModel {
        if self.state.ui.listHeight != listHeight { send(.viewportChanged(listHeight: listHeight)) }
        return builder.screen(self.state, now: now, listHeight: listHeight)
    }

    /// The last frame built is on the terminal: the queries waiting for it may start signing now,
    /// rather than compete with drawing the rows they refresh.
    public func framePresented() { runner.framePresented() }

    /// The user asked to quit.
    public var exitRequested: Bool { box.withLock { $0.state.ui.exitRequested } }

    /// The plain-text summary of the session.
    public func summaryText(now: Date) -> String { SessionSummary.text(state, now: now) }

    /// The summary as Markdown, for a file.
    public func summaryMarkdown(now: Date) -> String { SessionSummary.markdown(state, now: now) }

    /// Blocks (on the caller's own thread) up to `timeout` for changes in flight to be recorded.
    public func waitForIdle(timeout: TimeInterval) -> Bool { runner.waitUntilIdle(timeout: timeout) }
}
