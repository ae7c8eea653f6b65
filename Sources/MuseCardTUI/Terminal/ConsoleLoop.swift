import Foundation
import MuseCardViewModel

/// The event loop: polls keys, passes them on, redraws when something changed. Runs on the
/// one thread that owns the terminal.
public final class ConsoleLoop {
    /// Why the loop ended.
    public enum Outcome: Sendable, Equatable {
        /// The user quit (`exitRequested`).
        case quit
        /// A signal (SIGINT, SIGTERM, SIGHUP) asked the process to stop; a terminal that went
        /// away without one counts as SIGHUP.
        case signal(Int32)
    }

    private let source: ScreenSource
    private let terminal: TerminalDevice
    private let clock: () -> Date
    private let stopSignal: () -> Int32?
    /// OSC 52 copies waiting for the terminal thread.
    private let clipboard: OSC52Clipboard?
    /// Where `:theme NAME` looks; the standard folders when nil.
    private let themes: ThemeCatalog?
    /// How many frames were drawn (for tests of "redraw only when needed").
    public private(set) var framesDrawn = 0
    /// Run right after the first frame with cards is on screen (or a second after the first frame),
    /// and again `settleSeconds` later, when start-up is over (the first refreshes sent).
    private var onSettle: (() -> Void)?
    private var firstFrameAt: Date?
    private var firstSettleAt: Date?
    private var settleCalls = 0
    static let settleSeconds: TimeInterval = 5

    /// A loop over `source` and `terminal`; `stopSignal` reports a pending stop signal.
    public init(source: ScreenSource, terminal: TerminalDevice, clock: @escaping () -> Date = Date.init,
                stopSignal: @escaping () -> Int32? = { nil }, clipboard: OSC52Clipboard? = nil, themes: ThemeCatalog? = nil,
                onSettle: (() -> Void)? = nil) {
        self.onSettle = onSettle
        self.clipboard = clipboard
        self.themes = themes
        self.source = source
        self.terminal = terminal
        self.clock = clock
        self.stopSignal = stopSignal
    }

    /// `:theme NAME`: loads the theme and paints with it, or says why not.
    private func switchTheme(_ name: String) {
        do {
            terminal.apply(try (themes ?? ThemeCatalog.standard()).theme(named: name))
            source.send(.notice("Theme \(name)"))
        } catch {
            source.send(.notice("Theme \(name) not applied: \(error)"))
        }
    }

    /// Runs until the user quits or a stop signal arrives.
    public func run() -> Outcome {
        var drawnVersion: Int?
        var drawnSize: Size?
        var drawnAt = Date.distantPast
        var tick: TimeInterval = 1
        var dirty = true
        var reportedTooSmall: Bool?
        var drawn: (screen: ScreenModel, layout: ScreenLayout)?
        var themeAsked: String?
        var changedAt = Date.distantPast
        var polling = NCursesTerminal.pollMilliseconds
        while true {
            if let signal = stopSignal() { return .signal(signal) }
            if source.exitRequested { return .quit }
            let now = clock()
            let size = terminal.size
            // Before the frame and before the next key: keys meant for a screen that is not shown are dropped.
            let tooSmall = ScreenLayout(size: size).isTooSmall
            if tooSmall != reportedTooSmall {
                source.terminalTooSmall(tooSmall)
                reportedTooSmall = tooSmall
            }
            let version = source.version
            if dirty || version != drawnVersion || size != drawnSize || now.timeIntervalSince(drawnAt) >= tick {
                let layout = ScreenLayout(size: size)
                let screen = source.screen(now: now, listHeight: max(1, layout.listHeight))
                if let name = screen.themeName, name != themeAsked {
                    themeAsked = name
                    switchTheme(name)
                }
                // Spinner frames want more ticks than ages do.
                tick = screen.topBar.inFlight > 0 ? 0.125 : 1
                terminal.present { ScreenRenderer.draw(screen, on: $0, now: now) }
                source.framePresented()
                drawn = (screen, layout)
                framesDrawn += 1
                if version != drawnVersion { changedAt = now }
                (drawnVersion, drawnSize, drawnAt, dirty) = (version, size, now, false)
            }
            if let onSettle, settleCalls < 2 {
                let firstFrame = firstFrameAt ?? now
                firstFrameAt = firstFrame
                // The first trim waits for the cards on screen (or a second): trimmed after an empty
                // first frame, the code that draws them would be faulted back in before they appear.
                let due = firstSettleAt.map { now.timeIntervalSince($0) >= Self.settleSeconds }
                    ?? (drawn?.screen.rows.isEmpty == false || now.timeIntervalSince(firstFrame) >= 1)
                if due {
                    firstSettleAt = firstSettleAt ?? now
                    settleCalls += 1
                    onSettle()
                }
            }
            for sequence in clipboard?.drain() ?? [] { terminal.writeRaw(sequence) }
            // Answers change the state off this thread and nothing wakes the key wait: while they
            // arrive (calls in flight, or a change in the last second) it is kept short.
            let busy = tick < 1 || now.timeIntervalSince(changedAt) < 1
            let wanted = busy ? NCursesTerminal.busyPollMilliseconds : NCursesTerminal.pollMilliseconds
            if wanted != polling {
                terminal.setPollTimeout(milliseconds: wanted)
                polling = wanted
            }
            switch terminal.nextEvent() {
            case .key(let name):
                // A key that changes the state bumps the version; one that changes nothing draws nothing.
                source.send(key: name)
            case .paste(let text):
                source.send(paste: text)
            case .resize:
                dirty = true
            case .hangup:
                // Ends as a SIGHUP would: changes in flight are recorded before the process exits.
                return .signal(SIGHUP)
            case .mouse(let event):
                // Hit-tested against the frame on screen, which is what the agent aimed at.
                guard let drawn else { break }
                switch MouseTarget.hit(event, screen: drawn.screen, layout: drawn.layout) {
                case .action(let action)?: source.send(action)
                case .key(let name)?: source.send(key: name)
                case nil: break
                }
            case nil:
                break
            }
        }
    }
}
