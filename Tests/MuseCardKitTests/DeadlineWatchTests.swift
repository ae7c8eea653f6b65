import Foundation
@testable import MuseCardKit
import Synchronization
import Testing

/// The attempt deadline: an attempt past it is cancelled and reported as `Exceeded`; an attempt
/// that ends first leaves nothing watched behind, so finished calls hold no timers.
struct DeadlineWatchTests {
    @Test(.timeLimit(.minutes(1)))
    func anAttemptPastItsDeadlineIsCancelledAndExceeded() async {
        let start = ContinuousClock.now
        let deadline = start + .milliseconds(200)
        await #expect(throws: AttemptDeadline.Exceeded.self) {
            try await AttemptDeadline.run(until: deadline) {
                try await Task.sleep(for: .seconds(3600))
                return 1
            }
        }
        #expect(ContinuousClock.now >= deadline)
    }

    /// A call that ignores its cancellation (as postgres-nio's pool can, waiting on a connection
    /// that will never answer) is abandoned at the deadline: the caller gets `Exceeded` while the
    /// call is still waiting, instead of waiting with it.
    @Test(.timeLimit(.minutes(1)))
    func aCallThatIgnoresCancellationIsAbandonedAtTheDeadline() async throws {
        let gate = FirstOutcome<Int>()
        let deadline = ContinuousClock.now + .milliseconds(200)
        await #expect(throws: AttemptDeadline.Exceeded.self) {
            try await AttemptDeadline.abandoning(until: deadline) {
                await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                    Task { _ = try? await gate.value(); done.resume() }
                }
                return 1
            }
        }
        #expect(ContinuousClock.now >= deadline)
        gate.finish(.success(0))  // lets the abandoned call end
        #expect(try await AttemptDeadline.abandoning(until: .now + .seconds(3600)) { 7 } == 7, "an answer in time is returned")
    }

    @Test func anAttemptThatEndsFirstReturnsItsValueAndIsForgotten() async throws {
        let watch = DeadlineWatch(tick: .milliseconds(10))
        let expired = Mutex(false)
        let id = watch.watch(until: .now + .seconds(3600)) { expired.withLock { $0 = true } }
        #expect(watch.watchedCount == 1)
        watch.forget(id)
        #expect(watch.watchedCount == 0)
        let value = try await AttemptDeadline.run(until: .now + .seconds(3600)) { 7 }
        #expect(value == 7)
        try await Task.sleep(for: .milliseconds(50))
        #expect(!expired.withLock { $0 })
    }

    @Test(.timeLimit(.minutes(1)))
    func theWatchCallsExpireOnceTheDeadlinePassed() async throws {
        let watch = DeadlineWatch(tick: .milliseconds(10))
        let start = ContinuousClock.now
        let (stream, fired) = AsyncStream<ContinuousClock.Instant>.makeStream()
        _ = watch.watch(until: start + .milliseconds(100)) { fired.yield(.now); fired.finish() }
        var at: ContinuousClock.Instant?
        for await instant in stream { at = instant }
        #expect((at ?? start) >= start + .milliseconds(100))
        #expect(watch.watchedCount == 0)
    }
}
