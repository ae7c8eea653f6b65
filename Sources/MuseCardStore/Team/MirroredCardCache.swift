import Foundation
import MuseCardKit

/// The team index in front, a local copy behind: what the team store answers is also kept in the
/// local file, so when the server cannot be reached the console still opens with the last-known
/// cards, marked stale (`staleness`). While stale, records and errors go to the local copy only
/// (they are rebuildable) and edits of the shared index (add, forget) are refused.
public final class MirroredCardCache: CardCache {
    /// The team store's cache.
    let primary: any CardCache
    /// The local last-known copy.
    let local: any CardCache
    /// Whether the last call to `primary` failed, and why.
    public let staleness: StoreStaleness

    /// A cache reading `primary` and keeping what it answers in `local`.
    public init(primary: any CardCache, local: any CardCache, staleness: StoreStaleness = StoreStaleness()) {
        self.primary = primary
        self.local = local
        self.staleness = staleness
    }

    /// Reads from the team store (keeping a copy), or from the local copy when it does not answer.
    private func read<T: Sendable>(_ call: (any CardCache) async throws -> T,
                                   keep: (T) async throws -> Void = { _ in }) async throws -> T {
        let value: T
        do {
            value = try await call(primary)
        } catch {
            staleness.set("team store unreachable: \(error)")
            return try await call(local)
        }
        staleness.set(nil)
        try? await keep(value)
        return value
    }

    /// Writes what may be rebuilt: to both, or to the local copy alone while the team store is away.
    private func keep(_ call: (any CardCache) async throws -> Void) async throws {
        do {
            try await call(primary)
            staleness.set(nil)
        } catch {
            staleness.set("team store unreachable: \(error)")
        }
        try await call(local)
    }

    /// Edits the shared index: refused while the team store is away (the team would not see them).
    private func edit(_ call: (any CardCache) async throws -> Void) async throws {
        do {
            try await call(primary)
        } catch {
            staleness.set("team store unreachable: \(error)")
            throw error
        }
        staleness.set(nil)
        try? await call(local)
    }

    /// Copies a list of cards into the local copy.
    private func mirror(_ cards: [CachedCard]) async throws {
        for card in cards {
            if let record = card.record, let fetched = card.fetchedAt {
                try await local.saveRecord(record, fetchedAt: fetched)
            } else {
                try await local.addCard(userId: card.userId, cardId: card.cardId, at: card.addedAt)
            }
        }
    }

    public func cardholders() async throws -> [CardholderEntry] { try await read { try await $0.cardholders() } }

    public func recordOpened(userId: String, label: String?, at date: Date) async throws {
        try await keep { try await $0.recordOpened(userId: userId, label: label, at: date) }
    }

    public func cards(of userId: String) async throws -> [CachedCard] {
        try await read({ try await $0.cards(of: userId) }, keep: mirror)
    }

    public func cards(of userId: String, limit: Int, offset: Int) async throws -> [CachedCard] {
        try await read({ try await $0.cards(of: userId, limit: limit, offset: offset) }, keep: mirror)
    }

    public func cardCount(of userId: String) async throws -> Int {
        try await read { try await $0.cardCount(of: userId) }
    }

    public func knows(userId: String, cardId: String) async throws -> Bool {
        try await read { try await $0.knows(userId: userId, cardId: cardId) }
    }

    public func card(userId: String, cardId: String) async throws -> CachedCard? {
        try await read({ try await $0.card(userId: userId, cardId: cardId) }, keep: { try await mirror($0.map { [$0] } ?? []) })
    }

    public func addCard(userId: String, cardId: String, at date: Date) async throws {
        try await edit { try await $0.addCard(userId: userId, cardId: cardId, at: date) }
    }

    public func forgetCard(userId: String, cardId: String) async throws {
        try await edit { try await $0.forgetCard(userId: userId, cardId: cardId) }
    }

    public func forgetCardholder(userId: String) async throws {
        try await edit { try await $0.forgetCardholder(userId: userId) }
    }

    public func forgetAll() async throws {
        try await edit { try await $0.forgetAll() }
    }

    public func saveRecord(_ record: CardRecord, fetchedAt: Date) async throws {
        try await keep { try await $0.saveRecord(record, fetchedAt: fetchedAt) }
    }

    public func saveProfile(_ profile: CardholderProfile) async throws {
        try await keep { try await $0.saveProfile(profile) }
    }

    public func profile(of userId: String) async throws -> CardholderProfile? {
        try await read({ try await $0.profile(of: userId) }, keep: { profile in
            if let profile { try await local.saveProfile(profile) }
        })
    }

    public func searchCardholders(_ search: CardholderSearch) async throws -> [String] {
        try await read { try await $0.searchCardholders(search) }
    }

    public func saveError(userId: String, cardId: String, message: String, at date: Date) async throws {
        try await keep { try await $0.saveError(userId: userId, cardId: cardId, message: message, at: date) }
    }

    public func labelCardholder(userId: String, label: String) async throws {
        try await edit { try await $0.labelCardholder(userId: userId, label: label) }
    }

    /// Into the team store alone (the local copy fills as cards are read); refused while it is away.
    public func importCards(_ rows: [CardImportRow], at date: Date) async throws -> ImportCount {
        do {
            let count = try await primary.importCards(rows, at: date)
            staleness.set(nil)
            return count
        } catch {
            staleness.set("team store unreachable: \(error)")
            throw error
        }
    }
}
