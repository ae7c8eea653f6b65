import Foundation
import MuseCardTestSupport
import Testing

/// CI's speed check: `musecard bench --quick --check` in a pty, failing only on a missed ratio
/// goal (a large cardholder against a one-card one, side by side), never on an absolute time.
struct BenchRatioTests {
    @Test(.timeLimit(.minutes(5)))
    func aLargeCardholderCostsNoMoreThanTheRatioGoals() async throws {
        let result = try await ProcessRunner.run(CLIStoreHarness.binary, ["bench", "--quick", "--check"])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("first frame, 10000 cached cards"), "\(result.stdout)")
        #expect(!result.stdout.contains("RATIO GOAL MISSED"), "\(result.stdout)")
    }
}
