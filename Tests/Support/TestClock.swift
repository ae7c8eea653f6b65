import Foundation
import Synchronization

/// A clock that stands still at a fixed start until a test moves it on.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    /// A clock at `start`.
    public init(_ start: Date) { current = Mutex(start) }

    /// The time it shows.
    public var now: Date { current.withLock { $0 } }

    /// Moves it on by `seconds`.
    public func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }

    /// The clock as a function, for the types that take one.
    public var function: @Sendable () -> Date { { self.now } }
}
