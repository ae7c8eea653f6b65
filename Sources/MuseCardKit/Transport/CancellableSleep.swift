import Dispatch
import Synchronization

/// A sleep that gives its timer back when it is cancelled.
///
/// `Task.sleep`'s timer stays scheduled until its deadline even after a cancel, and keeps its
/// task allocated until then: with one 15 s deadline per call, a batch at 1,000 calls a second
/// held some 15,000 finished sleeps (about 10 MB of heap, heaptrack) for nothing.
enum CancellableSleep {
    /// Returns at `deadline`, or at once when the task is cancelled (check `Task.isCancelled`).
    static func until(_ deadline: ContinuousClock.Instant) async {
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard remaining > .zero, !Task.isCancelled else { return }
        let wake = Wake()
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.setEventHandler { wake.fire() }
        timer.schedule(deadline: .now() + .nanoseconds(Int(clamping: remaining.nanoseconds)))
        timer.resume()
        await withTaskCancellationHandler {
            await withCheckedContinuation { wake.wait($0) }
        } onCancel: {
            wake.fire()
        }
        timer.cancel()
    }
}

/// Resumes the sleeper once, on whichever comes first: the timer or a cancel.
private final class Wake: Sendable {
    private let state = Mutex<(sleeper: CheckedContinuation<Void, Never>?, fired: Bool)>((nil, false))

    func wait(_ sleeper: CheckedContinuation<Void, Never>) {
        let firedAlready = state.withLock { state in
            if !state.fired { state.sleeper = sleeper }
            return state.fired
        }
        if firedAlready { sleeper.resume() }
    }

    func fire() {
        let sleeper = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.fired else { return nil }
            state.fired = true
            defer { state.sleeper = nil }
            return state.sleeper
        }
        sleeper?.resume()
    }
}
