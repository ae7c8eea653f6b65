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
        try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                // Not `Task.sleep`: its timer would outlive every answer by the whole deadline.
                await CancellableSleep.until(deadline)
                try Task.checkCancellation()
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw Exceeded() }
            return value
        }
    }
}
