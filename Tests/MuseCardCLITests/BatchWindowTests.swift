import Foundation
import MuseCardTestSupport
import Testing

/// How far a run's window of calls in flight may grow: to the documented ceiling when the user
/// gave no `--concurrency`, never above `--concurrency` when they did.
struct BatchWindowTests {
    @Test func withoutConcurrencyTheWindowGrowsPastSixteenToThirtyTwo() async throws {
        let h = try await BatchHarness.start(cards: 700)
        let result = try await h.run(h.lockArguments)
        await h.stop()
        #expect(result.status == 0, "\(result.stderr.suffix(300))")
        let (window, ceiling) = Self.window(result.stderr)
        #expect(ceiling == 32, "\(result.stderr.suffix(300))")
        // From 4, a window's worth of successes adds one: 700 answers take it well past 16.
        #expect(window > 16 && window <= 32, "\(result.stderr.suffix(300))")
        h.expectEveryCardLockedOnce(700)
    }

    @Test func concurrencyIsAHardCap() async throws {
        let h = try await BatchHarness.start(cards: 300)
        let result = try await h.run(h.lockArguments + ["--concurrency", "8"])
        await h.stop()
        #expect(result.status == 0, "\(result.stderr.suffix(300))")
        let (window, ceiling) = Self.window(result.stderr)
        #expect(ceiling == 8 && window == 8, "\(result.stderr.suffix(300))")
        h.expectEveryCardLockedOnce(300)
    }

    /// The final window and its ceiling from the `pace:` line ("window 12 of 32 at the end").
    static func window(_ stderr: String) -> (Int, Int) {
        let words = stderr.split(separator: "\n").first { $0.contains("pace:") }?.split(separator: " ").map(String.init) ?? []
        guard let at = words.firstIndex(of: "window"), at + 3 < words.count else { return (0, 0) }
        return (Int(words[at + 1]) ?? 0, Int(words[at + 3]) ?? 0)
    }
}
