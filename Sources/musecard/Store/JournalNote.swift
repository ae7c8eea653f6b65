import Foundation
import MuseCardKit
import MuseCardStore

/// How journal entries are opened, resumed and annotated by `card apply` and `card replace`.
enum JournalNote {
    /// The entry to send under: the one named by `--request-id` or a matching pending one (said on standard
    /// error), else a fresh one with a new request id.
    static func entry(flag: String?, kind: JournalKind, userId: String, cardId: String?, parameters: [String: String],
                      session: StoreSession, prefix: String, matches: (JournalEntry) -> Bool) async -> JournalEntry {
        let pending = (try? await session.cache?.pendingJournal(userId: userId)) ?? []
        if let flag {
            if let known = pending.first(where: { $0.requestId == flag }) { return known }
        } else if let resumed = pending.first(where: { $0.kind == kind && matches($0) }) {
            let opened = resumed.createdAt.formatted(.iso8601)
            StandardError.print("musecard: resuming the pending \(kind.rawValue) opened \(opened) with request_id \(resumed.requestId)")
            if resumed.parameters != SecretFilter.strip(parameters) {
                StandardError.print("musecard: note: the pending request had other values; the service answers for the first one (pass --request-id for a new request)")
            }
            return resumed
        }
        return JournalEntry(kind: kind, requestId: flag ?? RequestID.make(prefix: prefix), userId: userId, cardId: cardId,
                            parameters: parameters, createdAt: Date())
    }

    /// What a successful answer tells the journal.
    static func detail(of answer: some ResponseData) -> String? {
        if let receipt = answer as? ApplyReceipt {
            return "apply_id \(receipt.applyId ?? "?"), \(receipt.applyStatus?.rawValue ?? "status unknown")"
        }
        if let change = answer as? CardStatusChange { return "new card \(change.cardId)" }
        return nil
    }

    /// Whether the service definitely answered, so a resend could not change the outcome.
    static func isSettled(_ error: MusePayError) -> Bool {
        switch error {
        case .refused: return true
        case .httpStatus(let status, _): return status < 500 && status != 429 && status != 408
        default: return false
        }
    }
}
