import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT, SIGTERM and SIGHUP into a flag the event loop checks, so the terminal is
/// restored on the loop's thread instead of inside a signal handler.
public final class StopSignals: Sendable {
    /// The signals that end a session.
    public static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private let received = Flag()
    /// Dispatch sources are thread-safe to cancel; the array itself never changes after init.
    private nonisolated(unsafe) let sources: [DispatchSourceSignal]

    /// Starts watching (the default action of each signal is replaced until `cancel`).
    public init() {
        let queue = DispatchQueue(label: "musecard.signals")
        var made: [DispatchSourceSignal] = []
        for number in StopSignals.handled {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [received] in
                received.withLock { if $0 == nil { $0 = number } }
            }
            source.resume()
            made.append(source)
        }
        sources = made
    }

    /// The first stop signal received, if any.
    public var pending: Int32? { received.withLock { $0 } }

    /// The first signal number seen, shared with the dispatch handlers.
    final class Flag: Sendable {
        private let value = Mutex<Int32?>(nil)
        func withLock<R>(_ body: (inout Int32?) -> R) -> R { value.withLock { body(&$0) } }
    }

    /// Stops watching and gives the signals their default action back.
    public func cancel() {
        sources.forEach { $0.cancel() }
        for number in StopSignals.handled { signal(number, SIG_DFL) }
    }
}
