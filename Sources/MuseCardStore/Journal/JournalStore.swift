import Foundation

/// The journal of idempotent requests (apply, replace): what must never be lost, kept apart
/// from the rebuildable cache. An entry is written before its request leaves.
public protocol JournalStore: Sendable {
    /// Opens an entry before its request is sent; secret parameters are stripped.
    func openJournal(_ entry: JournalEntry) async throws
    /// Settles or annotates an entry; a `nil` card id or detail keeps the old value.
    func updateJournal(requestId: String, state: JournalState, cardId: String?, detail: String?, at: Date) async throws
    /// Pending entries, oldest first, for one cardholder or (`nil`) all.
    func pendingJournal(userId: String?) async throws -> [JournalEntry]
}
