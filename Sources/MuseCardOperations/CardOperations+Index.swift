import Foundation
import MuseCardKit
import MuseCardStore

/// What the agent tells the local index directly (the service has no list of a cardholder's cards).
extension CardOperations {
    /// Notes that `cardId` belongs to `userId`; a no-op without a cache.
    public func noteCard(userId: String, cardId: String) async throws {
        try FieldRules.id(userId, field: "user_id")
        try FieldRules.id(cardId, field: "card_id")
        try await cache?.addCard(userId: userId, cardId: cardId, at: clock())
    }

    /// Removes a card from the local index (the card itself is untouched); false when it was not known.
    @discardableResult
    public func forgetCard(userId: String, cardId: String) async throws -> Bool {
        guard let cache, try await cache.knows(userId: userId, cardId: cardId) else { return false }
        try await cache.forgetCard(userId: userId, cardId: cardId)
        return true
    }

    /// Forgets a cardholder remembered by mistake: its entry, profile and cards leave the local index
    /// (the service is untouched); false when it was not known.
    @discardableResult
    public func forgetCardholder(userId: String) async throws -> Bool {
        guard let cache, try await cache.cardholders().contains(where: { $0.userId == userId }) else { return false }
        try await cache.forgetCardholder(userId: userId)
        return true
    }

    /// Notes that a cardholder was opened and gives back the cards known for them (the first
    /// `firstPage` of them when given: a screenful does not wait for thousands of records).
    public func open(userId: String, label: String?, firstPage: Int? = nil) async throws -> [CachedCard] {
        // The one path to the cache checks the id too: a front that let a bad one through writes nothing.
        try FieldRules.id(userId, field: "user_id")
        guard let cache else { return [] }
        try await cache.recordOpened(userId: userId, label: label, at: clock())
        guard let firstPage else { return try await cache.cards(of: userId) }
        return try await cache.cards(of: userId, limit: firstPage, offset: 0)
    }

    /// The cardholder's known cards after the first `offset`, in the order they were added: `limit`
    /// of them (a page), or all the rest.
    public func knownCards(userId: String, from offset: Int, limit: Int? = nil) async throws -> [CachedCard] {
        guard let cache else { return [] }
        return try await cache.cards(of: userId, limit: limit ?? Int.max, offset: offset)
    }

    /// How many cards the index knows for the cardholder, without reading them.
    public func knownCardCount(userId: String) async throws -> Int {
        try await cache?.cardCount(of: userId) ?? 0
    }

    /// Forgets every card and cardholder of this scope (for a sandbox that starts afresh).
    public func startOverIndex() async throws {
        try await cache?.forgetAll()
    }
}
