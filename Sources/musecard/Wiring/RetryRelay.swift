import Foundation
import MuseCardViewModel
import Synchronization

/// Carries the client's retries to the console: the client is built before the runtime it tells.
final class RetryRelay: Sendable {
    private let runtime = Mutex<ConsoleRuntime?>(nil)

    /// From now on, retries reach `console` as `.retrying`.
    func attach(_ console: ConsoleRuntime) {
        runtime.withLock { $0 = console }
    }

    /// The client's `onRetry`; a retry before the console exists has no one to tell.
    func announce(attempt: Int, maxAttempts: Int, path: String) {
        let note = RetryNote(attempt: attempt, maxAttempts: maxAttempts, path: path, at: Date())
        runtime.withLock { $0 }?.send(.retrying(note))
    }
}
