import Synchronization

/// The first of several possible outcomes, handed to one waiter: later ones are ignored.
public final class FirstOutcome<Value: Sendable>: Sendable {
    private let state = Mutex<(outcome: Result<Value, any Error>?, waiter: CheckedContinuation<Value, any Error>?)>((nil, nil))

    public init() {}

    /// Settles the outcome, unless one came first.
    public func finish(_ outcome: Result<Value, any Error>) {
        let waiter = state.withLock { state -> CheckedContinuation<Value, any Error>? in
            guard state.outcome == nil else { return nil }
            state.outcome = outcome
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(with: outcome)
    }

    /// Waits for the outcome (returns at once when it is already there).
    public func value() async throws -> Value {
        try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<Value, any Error>) in
            let outcome = state.withLock { state in
                if state.outcome == nil { state.waiter = waiter }
                return state.outcome
            }
            if let outcome { waiter.resume(with: outcome) }
        }
    }
}
