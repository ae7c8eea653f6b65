import Foundation
import Synchronization

/// Whether the team store answered its last call: while it does not, the console shows the local
/// last-known copy marked stale and allows no change. Observed by the console through `changes()`.
public final class StoreStaleness: Sendable {
    private struct State {
        var reason: String?
        var watchers: [UUID: AsyncStream<String?>.Continuation] = [:]
    }

    private let state = Mutex(State())

    /// Fresh: nothing has failed yet.
    public init() {}

    /// Why the store is away, or `nil` while it answers.
    public var reason: String? { state.withLock { $0.reason } }

    /// Whether the last call to the store failed.
    public var isStale: Bool { reason != nil }

    /// Records the outcome of a call: `nil` when it answered, else why not. Watchers hear changes only.
    public func set(_ reason: String?) {
        let watchers: [AsyncStream<String?>.Continuation] = state.withLock { current in
            guard (current.reason == nil) != (reason == nil) else {
                current.reason = reason ?? current.reason
                return []
            }
            current.reason = reason
            return Array(current.watchers.values)
        }
        for watcher in watchers { watcher.yield(reason) }
    }

    /// Every change from now on: the reason when the store goes away, `nil` when it is back.
    public func changes() -> AsyncStream<String?> {
        let (stream, continuation) = AsyncStream<String?>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        state.withLock { $0.watchers[id] = continuation }
        continuation.onTermination = { [weak self] _ in self?.state.withLock { _ = $0.watchers.removeValue(forKey: id) } }
        return stream
    }
}
