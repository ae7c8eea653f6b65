import MuseCardKit
import MuseCardOperations

/// One change on several cards (every active card, or the marked ones): one operation per card
/// through the operations layer, each its own intent and result in the audit trail. The cards
/// left out are named with why, for the confirmation and the result flash.
public struct BulkCommand: Sendable, Equatable {
    /// Which cards the agent asked for.
    public enum Scope: Sendable, Equatable {
        /// `L`: every active card of the cardholder.
        case everyActive
        /// The marked cards (`space`, `*`).
        case marked
    }

    /// `lock` or `unlock`.
    public var operation: OperationName
    public var scope: Scope
    /// The cards that will be sent, in list order.
    public var cardIds: [String]
    /// The lock reason (asked by the lock form); `nil` for unlock.
    public var reason: LockReason?
    /// Cards left out and why, in list order.
    public var skipped: [BulkSkip]

    public init(_ operation: OperationName, scope: Scope, cardIds: [String], reason: LockReason? = nil, skipped: [BulkSkip] = []) {
        self.operation = operation
        self.scope = scope
        self.cardIds = cardIds
        self.reason = reason
        self.skipped = skipped
    }

    /// The operation for one of the cards.
    public func operation(for cardId: String) -> CardOperation {
        operation == .unlock ? .unlock(cardId: cardId) : .lock(cardId: cardId, reason: reason)
    }

    /// Why cards were left out: `already LOCK`, or `2 already LOCK, 1 CANCELED` for several reasons
    /// (in first-seen order); `nil` when none was.
    public var skippedReasons: String? {
        guard !skipped.isEmpty else { return nil }
        var order: [String] = []
        var counts: [String: Int] = [:]
        for skip in skipped {
            if counts[skip.why] == nil { order.append(skip.why) }
            counts[skip.why, default: 0] += 1
        }
        return order.count == 1 ? order[0] : order.map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: ", ")
    }

    /// `3 (2 already LOCK, 1 CANCELED)`: how many cards were left out and why.
    public var skippedSummary: String? { skippedReasons.map { "\(skipped.count) (\($0))" } }

    /// `Locked 2, 1 failed (see the rows), skipped 1 (already LOCK)`: the flash once every answer is in.
    func resultText(succeeded: Int, failed: Int) -> String {
        var text = (operation == .unlock ? "Unlocked" : "Locked") + " \(succeeded)"
        if failed > 0 { text += ", \(failed) failed (see the rows)" }
        if let summary = skippedSummary { text += ", skipped \(summary)" }
        return text
    }
}
