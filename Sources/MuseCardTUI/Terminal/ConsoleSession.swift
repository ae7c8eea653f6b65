import Foundation

/// One console session from start to finish: signals watched, standard error kept off the
/// screen, the loop run, the terminal always restored, the summary returned for printing.
public struct ConsoleSession: Sendable {
    /// How the session ended, and the summary to print after the screen is gone.
    public struct Result: Sendable {
        public var outcome: ConsoleLoop.Outcome
        public var summary: String

        /// The process exit status: 0 for quit, 128 + signal otherwise.
        public var exitStatus: Int32 {
            if case .signal(let number) = outcome { return 128 + number }
            return 0
        }
    }

    /// How long SIGTERM/SIGHUP wait for changes in flight to be recorded.
    public static let signalGrace: TimeInterval = 10

    public var theme: Theme
    /// Where anything written to standard error goes while the screen is up (nil: discarded).
    public var stderrFile: String?
    /// Where OSC 52 copies wait for the terminal thread; `nil` when copying goes elsewhere.
    public var clipboard: OSC52Clipboard?
    /// Clicks select and the wheel scrolls; off leaves the terminal's own selection working.
    public var mouse: Bool

    public init(theme: Theme, stderrFile: String?, clipboard: OSC52Clipboard? = nil, mouse: Bool = false) {
        self.mouse = mouse
        self.theme = theme
        self.stderrFile = stderrFile
        self.clipboard = clipboard
    }

    /// Runs the console over `source` on the current thread until quit or a stop signal.
    public func run(_ source: ScreenSource) throws -> Result {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        let signals = StopSignals()
        defer { signals.cancel() }
        let redirect = StandardErrorRedirect(to: stderrFile)
        defer { redirect.restore() }
        let terminal = try NCursesTerminal(theme: theme, mouse: mouse)
        let outcome: ConsoleLoop.Outcome
        do {
            defer { terminal.close() }
            outcome = ConsoleLoop(source: source, terminal: terminal, stopSignal: { signals.pending }, clipboard: clipboard,
                                  onSettle: WorkingSet.releaseStartupCode).run()
            // A stop signal must not abandon a change between "sent" and "recorded".
            if case .signal = outcome { _ = source.waitForIdle(timeout: Self.signalGrace) }
        }
        return Result(outcome: outcome, summary: source.summaryText(now: Date()))
    }

    /// Runs the session on a thread of its own (every curses call stays on it) so the
    /// runtime's tasks keep the shared pool, and resumes when the terminal is restored.
    public func runOnOwnThread(_ source: ScreenSource) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Swift.Result { try self.run(source) })
            }
            thread.name = "musecard-terminal"
            thread.start()
        }
    }
}
