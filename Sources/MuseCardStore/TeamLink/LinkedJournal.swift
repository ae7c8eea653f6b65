import Foundation

/// The team's journal of idempotent requests over a `TeamLink`; unreachable while it is not connected.
public struct LinkedJournal: JournalStore {
    let link: TeamLink

    /// The team journal over `link`.
    public init(_ link: TeamLink) { self.link = link }

    public func openJournal(_ entry: JournalEntry) async throws { try await link.use { try await $0.journal.openJournal(entry) } }

    public func updateJournal(requestId: String, state: JournalState, cardId: String?, detail: String?, at date: Date) async throws {
        try await link.use { try await $0.journal.updateJournal(requestId: requestId, state: state, cardId: cardId, detail: detail, at: date) }
    }

    public func pendingJournal(userId: String?) async throws -> [JournalEntry] {
        try await link.use { try await $0.journal.pendingJournal(userId: userId) }
    }
}
