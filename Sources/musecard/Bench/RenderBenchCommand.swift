import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardViewModel

/// `musecard render-bench`: what one frame costs with few and with many cards.
struct RenderBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-bench",
        abstract: "Measure the cost of one console frame for cardholders with few and many cards."
    )

    @Option(name: .customLong("cards"), parsing: .upToNextOption,
            help: "Card counts to compare (default 3 40 5000; 40 already fills a 120x40 list).")
    var cardCounts: [Int] = [3, 40, 5000]

    @Option(help: "Frames to time per card count.")
    var frames = 300

    @Option(help: "Terminal size, COLSxROWS.")
    var size = "120x40"

    @Option(help: "List order while measuring: added, status, last4 or age.")
    var sort = "added"

    func validate() throws {
        guard cardCounts.allSatisfy({ $0 > 0 }), frames > 0 else { throw ValidationError("--cards and --frames must be positive") }
        guard FrameSize(size) != nil else { throw ValidationError("--size must look like 120x40") }
    }

    func run() {
        let frame = FrameSize(size) ?? FrameSize(columns: 120, rows: 40)
        print("frame \(frame.columns)x\(frame.rows), \(frames) frames per count (moving the selection each frame)")
        var medians: [(Int, Double)] = []
        for count in cardCounts {
            let samples = measure(cards: count, frame: frame)
            let median = samples[samples.count / 2], p90 = samples[samples.count * 9 / 10]
            medians.append((count, median))
            print(String(format: "%6d cards: median %8.1f µs   p90 %8.1f µs", count, median, p90))
        }
        // The fair comparison is between lists that both fill the screen: the same rows are drawn.
        let full = medians.filter { $0.0 >= FrameDrawer(frame: frame).listHeight }
        if let few = full.first, let many = full.last, few.0 != many.0 {
            print(String(format: "ratio %d cards / %d cards (both fill the list): %.2f", many.0, few.0, many.1 / few.1))
        }
    }

    /// Microseconds per frame, sorted.
    func measure(cards count: Int, frame: FrameSize) -> [Double] {
        let now = Date()
        var state = ConsoleState(session: SessionInfo(sessionId: "bench", operatorName: "bench", profile: "bench",
                                                      environment: "SANDBOX", startedAt: now))
        state.data.cardholder = Cardholder(userId: "U1", label: "Bench Holder")
        state.data.cards = (0..<count).map { index in
            var record = CardRecord(userId: "U1", cardId: "VC\(index)", status: index % 3 == 0 ? .locked : .active)
            record.last4 = String(format: "%04d", index % 10_000)
            record.embossedName = "HOLDER \(index)"
            record.availableBalance = Decimal(index)
            return CardEntry(cardId: "VC\(index)", record: record, fetchedAt: now)
        }
        state.ui.selectedCardId = "VC0"
        state.ui.sort = SortOrder(rawValue: sort) ?? .added
        let reducer = ConsoleReducer()
        // Cards normally arrive through actions, which keep the derived counts; one action does it here.
        _ = reducer.reduce(state: &state, action: .notice("bench"))
        let draw = FrameDrawer(frame: frame)
        var samples: [Double] = []
        for index in 0..<(frames + 20) {
            let start = ContinuousClock.now
            _ = reducer.reduce(state: &state, action: .keyPressed(index % 50 < 25 ? "j" : "k"))
            draw.draw(ScreenBuilder().screen(state, now: now, listHeight: draw.listHeight))
            let elapsed = ContinuousClock.now - start
            if index >= 20 { samples.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6) }
        }
        return samples.sorted()
    }
}

/// A terminal size given as `COLSxROWS`.
struct FrameSize {
    let columns: Int
    let rows: Int

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    init?(_ text: String) {
        let parts = text.split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] >= 20, parts[1] >= 10 else { return nil }
        self.init(columns: parts[0], rows: parts[1])
    }
}
