import Foundation
@testable import MuseCardKit
import Testing

/// The attempt deadline's sleep: it ends at its deadline, or at once when cancelled (an answer
/// came first), so a finished call leaves no timer waiting out the whole deadline.
struct CancellableSleepTests {
    @Test(.timeLimit(.minutes(1)))
    func aCancelledHourLongSleepEndsAtOnce() async {
        let sleeper = Task { await CancellableSleep.until(.now + .seconds(3600)) }
        sleeper.cancel()
        await sleeper.value
    }

    @Test(.timeLimit(.minutes(1)))
    func aSleepCancelledWhileWaitingEnds() async {
        let sleeper = Task { await CancellableSleep.until(.now + .seconds(3600)) }
        try? await Task.sleep(for: .milliseconds(50))
        sleeper.cancel()
        await sleeper.value
    }

    @Test func aSleepLastsUntilItsDeadline() async {
        let deadline = ContinuousClock.now + .milliseconds(200)
        await CancellableSleep.until(deadline)
        #expect(ContinuousClock.now >= deadline)
    }
}
