import Foundation

/// How hard the console may refresh a cardholder's cards behind the agent's back.
///
/// Visible cards are refreshed at once; the rest go out oldest first, at most `maxInFlight`
/// at a time and `perMinute` a minute, and only when older than `staleAfter`, so a cardholder
/// with thousands of cards does not flood the service (or its rate limits) on opening.
public struct RefreshBudget: Sendable, Equatable {
    /// Background queries in flight at once.
    public var maxInFlight: Int
    /// Background queries started per minute (a token bucket that starts full).
    public var perMinute: Int
    /// A card fetched more recently than this is left alone.
    public var staleAfter: TimeInterval

    public init(maxInFlight: Int = 2, perMinute: Int = 60, staleAfter: TimeInterval = 15 * 60) {
        self.maxInFlight = maxInFlight
        self.perMinute = perMinute
        self.staleAfter = staleAfter
    }

    /// The default: two at a time, one a second on average, cards older than a quarter of an hour.
    public static let standard = RefreshBudget()
}

/// A card to refresh in the background and when its data was last fetched (`nil`: never).
public struct CardAge: Sendable, Equatable {
    public var cardId: String
    public var fetchedAt: Date?

    public init(cardId: String, fetchedAt: Date?) {
        self.cardId = cardId
        self.fetchedAt = fetchedAt
    }
}
