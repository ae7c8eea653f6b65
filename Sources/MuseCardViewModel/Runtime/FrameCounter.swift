import Foundation
import Synchronization

/// Counts the frames built for the terminal, so work that can wait for the first screenful
/// (reading the rest of a long list) does not compete with drawing it.
final class FrameCounter: Sendable {
    private let built = Mutex(0)

    /// Frames built so far.
    var value: Int { built.withLock { $0 } }

    /// One more frame was built.
    func tick() { built.withLock { $0 &+= 1 } }

    /// Waits (suspending, never blocking) until a frame after the `seen`th is built, at most
    /// `limit` (there may be no terminal at all).
    func next(after seen: Int, limit: Duration) async {
        let deadline = ContinuousClock.now + limit
        while value == seen && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }
}
