import Foundation

/// A call the client is retrying, for the top bar: "retrying 2/3".
public struct RetryNote: Sendable, Equatable {
    /// The attempt about to be made (2 is the first retry).
    public var attempt: Int
    public var maxAttempts: Int
    /// The MusePay path being retried, e.g. `/v1/card/query`.
    public var path: String
    /// When the client announced it; two retries of the same numbers stay distinct.
    public var at: Date

    /// How long a note stays up when no answer for its path clears it first
    /// (an answer for a cardholder closed meanwhile is dropped before it reaches the state).
    public static let shownFor: Duration = .seconds(20)

    public init(attempt: Int, maxAttempts: Int, path: String, at: Date) {
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.path = path
        self.at = at
    }

    /// The top bar's text.
    public var label: String { "retrying \(attempt)/\(maxAttempts)" }
}
