import Foundation
import MuseCardKit

/// The cache: which cards belong to which cardholder, their last records (all rebuildable; the journal lives apart). Everything is scoped by `StoreScope`.
public protocol CardCache: Sendable {
    /// Every known cardholder with its card count, most recently opened first.
    func cardholders() async throws -> [CardholderEntry]
    /// Notes that a cardholder was opened (adding it if unknown); a `nil` label keeps the old one.
    func recordOpened(userId: String, label: String?, at: Date) async throws
    /// The cardholder's known cards, in the order they were added.
    func cards(of userId: String) async throws -> [CachedCard]
    /// `limit` of the cardholder's cards from `offset`, in the order they were added (a page of the list).
    func cards(of userId: String, limit: Int, offset: Int) async throws -> [CachedCard]
    /// How many cards the cardholder has, without reading any record (a long list's size before its pages).
    func cardCount(of userId: String) async throws -> Int
    /// Whether the cardholder's card is known, without reading any record.
    func knows(userId: String, cardId: String) async throws -> Bool
    /// One cached card of the cardholder, if known.
    func card(userId: String, cardId: String) async throws -> CachedCard?
    /// Adds a card to a cardholder; a no-op if it is already known.
    func addCard(userId: String, cardId: String, at: Date) async throws
    /// Removes a card from the cache (the card itself is untouched).
    func forgetCard(userId: String, cardId: String) async throws
    /// Forgets one cardholder of this scope: its entry, profile and known cards (the service is untouched).
    func forgetCardholder(userId: String) async throws
    /// Forgets every cardholder and card of this scope (the embedded sandbox starts afresh each launch).
    func forgetAll() async throws
    /// Keeps a fetched record, adding the card if unknown, and clears its last error.
    func saveRecord(_ record: CardRecord, fetchedAt: Date) async throws
    /// Changes a card's record in one step: `change` gets the cached record (`nil` when the card is
    /// unknown or was never fetched) and returns the record to keep, fetched at `at`, or `nil` to
    /// only note the card.
    func amendRecord(userId: String, cardId: String, at: Date,
                     _ change: @escaping @Sendable (CardRecord?) -> CardRecord?) async throws
    /// Keeps what the service said of a cardholder (name, email, phone, xid), for finding them later.
    func saveProfile(_ profile: CardholderProfile) async throws
    /// The profile of a cardholder, if the index has one.
    func profile(of userId: String) async throws -> CardholderProfile?
    /// The user ids the index matches for a search (profiles, and the phone of cached card records).
    func searchCardholders(_ search: CardholderSearch) async throws -> [String]
    /// Keeps the last error met for a card, adding the card if unknown.
    func saveError(userId: String, cardId: String, message: String, at: Date) async throws
    /// Gives a cardholder a label (adding the cardholder if unknown) without marking it opened.
    func labelCardholder(userId: String, label: String) async throws
    /// Adds many cards at once (an import from the partner's records): all of them or, on an error, none.
    /// Cards already known are counted and left as they are; a row's label replaces the cardholder's.
    func importCards(_ rows: [CardImportRow], at: Date) async throws -> ImportCount
}

extension CardCache {
    /// The size of the whole list, for drivers without a cheaper way.
    public func cardCount(of userId: String) async throws -> Int {
        try await cards(of: userId).count
    }

    /// Membership through the whole list, for drivers without a cheaper way.
    public func knows(userId: String, cardId: String) async throws -> Bool {
        try await cards(of: userId).contains { $0.cardId == cardId }
    }

    /// One card found in the whole list, for drivers without a cheaper way.
    public func card(userId: String, cardId: String) async throws -> CachedCard? {
        try await cards(of: userId).first { $0.cardId == cardId }
    }

    /// One card at a time, for drivers without a cheaper way; not atomic, so only for drivers that
    /// cannot fail half-way (in memory).
    public func importCards(_ rows: [CardImportRow], at date: Date) async throws -> ImportCount {
        var count = ImportCount()
        for row in rows {
            if try await knows(userId: row.userId, cardId: row.cardId) { count.known += 1 } else {
                try await addCard(userId: row.userId, cardId: row.cardId, at: date)
                count.added += 1
            }
            if let label = row.label { try await labelCardholder(userId: row.userId, label: label) }
        }
        return count
    }

    /// A read, then a save or an add, for drivers without a cheaper way.
    public func amendRecord(userId: String, cardId: String, at date: Date,
                            _ change: @escaping @Sendable (CardRecord?) -> CardRecord?) async throws {
        if let record = change(try await card(userId: userId, cardId: cardId)?.record) {
            try await saveRecord(record, fetchedAt: date)
        } else {
            try await addCard(userId: userId, cardId: cardId, at: date)
        }
    }

    /// A page cut from the whole list, for drivers without a cheaper way.
    public func cards(of userId: String, limit: Int, offset: Int) async throws -> [CachedCard] {
        Array(try await cards(of: userId).dropFirst(offset).prefix(limit))
    }
}
