import Foundation

/// A journal in memory with the same behaviour as `SQLiteJournal`, for unit tests.
public actor InMemoryJournal: JournalStore {
    private var entries: [JournalEntry] = []

    /// An empty journal.
    public init() {}

    public func openJournal(_ entry: JournalEntry) {
        var kept = entry
        kept.parameters = SecretFilter.strip(entry.parameters)
        entries.removeAll { $0.requestId == entry.requestId }
        entries.append(kept)
    }

    public func updateJournal(requestId: String, state: JournalState, cardId: String?, detail: String?, at date: Date) {
        guard let i = entries.firstIndex(where: { $0.requestId == requestId }) else { return }
        entries[i].state = state
        if let cardId { entries[i].cardId = cardId }
        if let detail { entries[i].detail = detail }
        entries[i].updatedAt = date
    }

    public func pendingJournal(userId: String?) -> [JournalEntry] {
        entries.filter { $0.state == .pending && (userId == nil || $0.userId == userId) }
            .enumerated().sorted { ($0.element.createdAt, $0.offset) < ($1.element.createdAt, $1.offset) }.map(\.element)
    }
}
