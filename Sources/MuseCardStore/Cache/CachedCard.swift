import Foundation
import MuseCardKit

/// One card known to belong to a cardholder, with the last record fetched and the last error.
public struct CachedCard: Sendable, Equatable {
    /// The cardholder's user id.
    public var userId: String
    /// The card id.
    public var cardId: String
    /// The last record fetched, `nil` until the card has been queried.
    public var record: CardRecord?
    /// When `record` was fetched.
    public var fetchedAt: Date?
    /// The last error met for this card, cleared by a successful fetch.
    public var lastError: String?
    /// When `lastError` happened.
    public var lastErrorAt: Date?
    /// When the card was first added to the cache.
    public var addedAt: Date

    /// A cached card with the given values.
    public init(userId: String, cardId: String, record: CardRecord? = nil, fetchedAt: Date? = nil,
                lastError: String? = nil, lastErrorAt: Date? = nil, addedAt: Date) {
        self.userId = userId
        self.cardId = cardId
        self.record = record
        self.fetchedAt = fetchedAt
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.addedAt = addedAt
    }
}
