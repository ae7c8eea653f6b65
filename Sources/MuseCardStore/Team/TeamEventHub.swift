import Foundation
import Synchronization

/// The subscribers of a board's events; `send` reaches every one of them.
final class TeamEventHub: Sendable {
    private let subscribers = Mutex<[UUID: (channel: String, continuation: AsyncStream<TeamEvent>.Continuation)]>([:])

    /// A new stream of every event from now on, owned by `channel`.
    func subscribe(channel: String) -> AsyncStream<TeamEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: TeamEvent.self, bufferingPolicy: .bufferingNewest(256))
        let id = UUID()
        subscribers.withLock { $0[id] = (channel, continuation) }
        continuation.onTermination = { [weak self] _ in self?.subscribers.withLock { _ = $0.removeValue(forKey: id) } }
        return stream
    }

    func send(_ event: TeamEvent) {
        for subscriber in subscribers.withLock({ Array($0.values) }) { subscriber.continuation.yield(event) }
    }

    /// Ends the streams of `channel`.
    func finish(channel: String) {
        let ending = subscribers.withLock { all in all.filter { $0.value.channel == channel } }
        for subscriber in ending.values { subscriber.continuation.finish() }
    }
}
