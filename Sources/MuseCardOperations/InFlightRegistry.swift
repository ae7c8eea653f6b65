import Foundation
import Synchronization

/// Counts the operations between "intent written" and "result written", so a front can wait
/// for them to be recorded before it quits.
public final class InFlightRegistry: Sendable {
    private let count = Mutex(0)

    public init() {}

    /// How many operations are in flight now.
    public var current: Int { count.withLock { $0 } }

    /// One more in flight.
    public func begin() { count.withLock { $0 += 1 } }
    /// One fewer in flight.
    public func end() { count.withLock { $0 -= 1 } }

    /// Waits (without blocking a thread) until nothing is in flight or `timeout` passes; true when idle.
    public func drain(timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while current > 0 {
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    /// The blocking form, for a thread of its own (the terminal thread, a signal path); true when idle.
    public func waitUntilIdle(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while current > 0 {
            if Date() >= deadline { return false }
            usleep(20_000)
        }
        return true
    }
}
