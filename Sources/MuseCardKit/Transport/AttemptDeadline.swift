import Synchronization

/// One deadline over a whole attempt: connect, request, answer head and every byte of the body.
///
/// AsyncHTTPClient's own deadline ends when the head arrives, so a body trickled a byte at a
/// time would otherwise hold the caller for as long as the server likes.
public enum AttemptDeadline {
    /// The deadline passed before the attempt finished.
    public struct Exceeded: Error {}

    /// Runs `operation`, cancelling it (which closes its connection) once `deadline` passes.
    public static func run<Value: Sendable>(until deadline: ContinuousClock.Instant,
                                     _ operation: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let attempt = Task { try await operation() }
        let expired = ExpiryFlag()
        // One shared watch, not a timer (nor a sleeping task) per attempt: see `DeadlineWatch`.
        let id = DeadlineWatch.shared.watch(until: deadline) {
            expired.set()
            attempt.cancel()
        }
        defer { DeadlineWatch.shared.forget(id) }
        do {
            return try await withTaskCancellationHandler { try await attempt.value } onCancel: { attempt.cancel() }
        } catch {
            if expired.isSet { throw Exceeded() }
            throw error
        }
    }
}

extension AttemptDeadline {
    /// Runs `operation` until `deadline`, then cancels it and throws `Exceeded` at once, even when
    /// the operation ignores its cancellation: it is left to end on its own. For libraries that can
    /// keep a call waiting on a connection that will never answer (postgres-nio's pool), where
    /// `run` would wait as long as they do.
    public static func abandoning<Value: Sendable>(until deadline: ContinuousClock.Instant,
                                                  _ operation: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let attempt = Task { try await operation() }
        let first = FirstOutcome<Value>()
        let id = DeadlineWatch.shared.watch(until: deadline) {
            attempt.cancel()
            first.finish(.failure(Exceeded()))
        }
        defer { DeadlineWatch.shared.forget(id) }
        Task { first.finish(await attempt.result) }
        return try await withTaskCancellationHandler { try await first.value() } onCancel: {
            attempt.cancel()
            first.finish(.failure(CancellationError()))
        }
    }
}

/// Whether the watch cancelled the attempt (rather than its caller or the transport ending it).
private final class ExpiryFlag: Sendable {
    private let value = Atomic(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}
