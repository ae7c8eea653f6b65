import Foundation
import MuseCardKit

/// The team's cardholder index and card records over a `TeamLink`: PostgreSQL's once connected, an
/// unreachable store before (`MirroredCardCache` then answers from the local copy).
public struct LinkedCardCache: CardCache {
    let link: TeamLink

    /// The team index over `link`.
    public init(_ link: TeamLink) { self.link = link }

    public func cardholders() async throws -> [CardholderEntry] { try await link.use { try await $0.cache.cardholders() } }

    public func recordOpened(userId: String, label: String?, at date: Date) async throws {
        try await link.use { try await $0.cache.recordOpened(userId: userId, label: label, at: date) }
    }

    public func cards(of userId: String) async throws -> [CachedCard] { try await link.use { try await $0.cache.cards(of: userId) } }

    public func cards(of userId: String, limit: Int, offset: Int) async throws -> [CachedCard] {
        try await link.use { try await $0.cache.cards(of: userId, limit: limit, offset: offset) }
    }

    public func cardCount(of userId: String) async throws -> Int { try await link.use { try await $0.cache.cardCount(of: userId) } }

    public func knows(userId: String, cardId: String) async throws -> Bool {
        try await link.use { try await $0.cache.knows(userId: userId, cardId: cardId) }
    }

    public func card(userId: String, cardId: String) async throws -> CachedCard? {
        try await link.use { try await $0.cache.card(userId: userId, cardId: cardId) }
    }

    public func addCard(userId: String, cardId: String, at date: Date) async throws {
        try await link.use { try await $0.cache.addCard(userId: userId, cardId: cardId, at: date) }
    }

    public func forgetCard(userId: String, cardId: String) async throws {
        try await link.use { try await $0.cache.forgetCard(userId: userId, cardId: cardId) }
    }

    public func forgetCardholder(userId: String) async throws { try await link.use { try await $0.cache.forgetCardholder(userId: userId) } }

    public func forgetAll() async throws { try await link.use { try await $0.cache.forgetAll() } }

    public func saveRecord(_ record: CardRecord, fetchedAt: Date) async throws {
        try await link.use { try await $0.cache.saveRecord(record, fetchedAt: fetchedAt) }
    }

    public func saveProfile(_ profile: CardholderProfile) async throws { try await link.use { try await $0.cache.saveProfile(profile) } }

    public func profile(of userId: String) async throws -> CardholderProfile? { try await link.use { try await $0.cache.profile(of: userId) } }

    public func searchCardholders(_ search: CardholderSearch) async throws -> [String] {
        try await link.use { try await $0.cache.searchCardholders(search) }
    }

    public func saveError(userId: String, cardId: String, message: String, at date: Date) async throws {
        try await link.use { try await $0.cache.saveError(userId: userId, cardId: cardId, message: message, at: date) }
    }

    public func labelCardholder(userId: String, label: String) async throws {
        try await link.use { try await $0.cache.labelCardholder(userId: userId, label: label) }
    }

    public func importCards(_ rows: [CardImportRow], at date: Date) async throws -> ImportCount {
        try await link.use { try await $0.cache.importCards(rows, at: date) }
    }
}
