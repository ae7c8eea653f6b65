import Foundation
import MuseCardTUI
import MuseCardViewModel
import Testing

/// The event loop against a fake terminal and a fake source: keys go through, frames are
/// drawn only when something changed, quitting and signals end it.
struct ConsoleLoopTests {
    final class FakeSource: ScreenSource, @unchecked Sendable {
        var keys: [String] = []
        var version = 0
        var exitRequested = false
        var heights: [Int] = []
        var pastes: [String] = []
        /// What the loop said about the size, in order, with the keys received so far.
        var tooSmallReports: [(Bool, keysBefore: Int)] = []

        func send(key: String) {
            keys.append(key)
            version += 1
            if key == "q" { exitRequested = true }
        }

        func send(paste text: String) {
            pastes.append(text)
            version += 1
        }

        func terminalTooSmall(_ tooSmall: Bool) {
            tooSmallReports.append((tooSmall, keys.count))
        }

        /// Frames drawn before the cards arrive (no rows yet), as while a cardholder opens.
        var framesWithoutCards = 0

        func screen(now: Date, listHeight: Int) -> ScreenModel {
            heights.append(listHeight)
            var screen = SampleScreens.main()
            if heights.count <= framesWithoutCards { screen.rows = [] }
            return screen
        }

        func summaryText(now: Date) -> String { "keys: \(keys.joined(separator: " "))" }
    }

    final class FakeTerminal: TerminalDevice {
        var size: Size
        var script: [TerminalEvent?]
        let canvas: TextCanvas
        var onEmpty: () -> Void = {}
        var sizeAfterResize = Size(columns: 100, rows: 30)

        init(size: Size, script: [TerminalEvent?]) {
            self.size = size
            self.script = script
            canvas = TextCanvas(columns: size.columns, rows: size.rows)
        }

        func nextEvent() -> TerminalEvent? {
            guard !script.isEmpty else { onEmpty(); return nil }
            let event = script.removeFirst()
            if event == .resize { size = sizeAfterResize }
            return event
        }

        func present(_ draw: (Canvas) -> Void) {
            let fresh = TextCanvas(columns: size.columns, rows: size.rows)
            draw(fresh)
        }
    }

    @Test func keysReachTheSourceAndQuitEndsTheLoop() {
        let source = FakeSource()
        let terminal = FakeTerminal(size: Size(columns: 80, rows: 24), script: [.key("j"), nil, .key("enter"), .key("q")])
        let loop = ConsoleLoop(source: source, terminal: terminal, clock: { SampleScreens.now })
        #expect(loop.run() == .quit)
        #expect(source.keys == ["j", "enter", "q"])
        #expect(source.summaryText(now: SampleScreens.now) == "keys: j enter q")
    }

    @Test func redrawsOnlyWhenSomethingChanged() {
        let source = FakeSource()
        let terminal = FakeTerminal(size: Size(columns: 80, rows: 24), script: [nil, nil, nil, .key("j"), nil, nil, .resize, nil])
        var stop: Int32?
        terminal.onEmpty = { stop = SIGTERM }
        let loop = ConsoleLoop(source: source, terminal: terminal, clock: { SampleScreens.now }, stopSignal: { stop })
        #expect(loop.run() == .signal(SIGTERM))
        // First frame, after the key, after the resize; idle polls with a fixed clock draw nothing.
        #expect(loop.framesDrawn == 3)
        #expect(source.heights == [ScreenLayout(size: Size(columns: 80, rows: 24)).listHeight, 19,
                                   ScreenLayout(size: Size(columns: 100, rows: 30)).listHeight])
    }

    @Test func theClockTicksFramesForAgesAndSpinner() {
        let source = FakeSource()
        let terminal = FakeTerminal(size: Size(columns: 80, rows: 24), script: [nil, nil, nil])
        var now = SampleScreens.now
        var stop: Int32?
        terminal.onEmpty = { stop = SIGINT }
        let loop = ConsoleLoop(source: source, terminal: terminal, clock: {
            now += 0.5
            return now
        }, stopSignal: { stop })
        #expect(loop.run() == .signal(SIGINT))
        // The sample has a call in flight, so the spinner asks for a frame on every half-second poll.
        #expect(loop.framesDrawn == 4)
    }

    /// A terminal gone without a SIGHUP ends the loop as a SIGHUP would (changes in flight are
    /// then recorded, and the process exits 129), not an unseen console running on.
    @Test func aTerminalThatHungUpEndsTheLoopAsSIGHUP() {
        let source = FakeSource()
        let terminal = FakeTerminal(size: Size(columns: 80, rows: 24), script: [.key("j"), nil, .hangup, .key("k")])
        #expect(ConsoleLoop(source: source, terminal: terminal, clock: { SampleScreens.now }).run() == .signal(SIGHUP))
        #expect(source.keys == ["j"])
    }

    @Test func pastesReachTheSourceAsPastesNotKeys() {
        let source = FakeSource()
        let terminal = FakeTerminal(size: Size(columns: 80, rows: 24), script: [.paste("4915\u{1B}[0mly"), .key("q")])
        #expect(ConsoleLoop(source: source, terminal: terminal, clock: { SampleScreens.now }).run() == .quit)
        #expect(source.pastes == ["4915\u{1B}[0mly"])
        #expect(source.keys == ["q"])
    }

    @Test func theSourceLearnsOfTheTooSmallScreenBeforeTheNextKey() {
        let source = FakeSource()
        let terminal = FakeTerminal(size: Size(columns: 80, rows: 24), script: [.key("j"), .resize, .key("l"), .key("q")])
        terminal.sizeAfterResize = Size(columns: 59, rows: 15)
        #expect(ConsoleLoop(source: source, terminal: terminal, clock: { SampleScreens.now }).run() == .quit)
        #expect(source.tooSmallReports.map { $0.0 } == [false, true])
        #expect(source.tooSmallReports.map { $0.keysBefore } == [0, 1], "reported after j, before l")
    }
    /// Runs a loop over nine keys, one per poll `step` seconds apart; the frame counts at which it released start-up code.
    static func releases(_ source: FakeSource, step: TimeInterval) -> [Int] {
        let terminal = FakeTerminal(size: Size(columns: 80, rows: 24), script: Array(repeating: .key("j"), count: 9))
        var now = SampleScreens.now
        var stop: Int32?
        terminal.onEmpty = { stop = SIGTERM }
        var settledAt: [Int] = []
        var loop: ConsoleLoop?
        loop = ConsoleLoop(source: source, terminal: terminal, clock: {
            now += step
            return now
        }, stopSignal: { stop }, onSettle: { settledAt.append(loop?.framesDrawn ?? -1) })
        #expect(loop?.run() == .signal(SIGTERM))
        return settledAt
    }

    @Test func startUpPagesAreReleasedAfterTheFirstFrameAndOnceStartUpIsOver() {
        // A key every poll, a second apart: start-up is over five seconds after the first frame, busy or not.
        // After the first frame; then once, five frames (seconds) later; never again.
        #expect(Self.releases(FakeSource(), step: 1) == [1, 6])
    }

    @Test func theFirstReleaseWaitsForTheCardsOnScreen() {
        let source = FakeSource()
        source.framesWithoutCards = 2
        // A tenth of a second per poll: the cards come two frames (0.2 s) after the first.
        #expect(Self.releases(source, step: 0.1) == [3], "not after the empty frames; the second release is five seconds later")
    }

    @Test func onlyCleanFileBackedCodeIsReleased() {
        let smaps = """
        5600-5700 r-xp 00000000 fe:00 11   /usr/bin/musecard
        Rss:                 400 kB
        Private_Dirty:       400 kB
        Anonymous:             0 kB
        5700-5800 r-xp 00000000 fe:00 12   /usr/lib/libpatched.so
        Anonymous:             4 kB
        5800-5900 rw-p 00001000 fe:00 11   /usr/bin/musecard
        Anonymous:             0 kB
        7f00-7f10 r-xp 00000000 00:00 0    [vdso]
        Anonymous:             0 kB
        7f10-7f20 r--p 00000000 fe:00 13   /usr/lib/libc.so.6
        Anonymous:             0 kB
        """
        let releasable = WorkingSet.releasablePaths(smaps)
        // A freshly linked binary is dirty in the page cache, not written by the process: released.
        #expect(releasable == ["/usr/bin/musecard"])
    }
}
