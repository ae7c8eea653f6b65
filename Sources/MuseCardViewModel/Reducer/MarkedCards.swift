import MuseCardKit
import MuseCardOperations

/// What lock, unlock and refresh do to the marked cards: which are sent, which are left out and why.
/// A marked card the filter hides is left out, as a hidden card is never acted on.
enum MarkedCards {
    /// Why an unlock leaves out a card locked for a sensitive reason (it is undone one card at a time).
    static let sensitive = "sensitive lock reason"

    /// True when `action` acts on the marked cards now (cards are marked and the key table says it does).
    static func apply(to action: KeyAction, in state: ConsoleState) -> Bool {
        !state.ui.marked.isEmpty && KeyTable.defaults.binding(action)?.onMarked != nil
    }

    /// Lock or unlock of the marked cards: the eligible ones in list order, the rest with why.
    static func bulk(_ operation: OperationName, state: ConsoleState) -> BulkCommand {
        var bulk = BulkCommand(operation, scope: .marked, cardIds: [])
        let needle = state.ui.filterText.lowercased()
        for card in state.data.cards where state.ui.marked.contains(card.cardId) {
            if let why = skipReason(operation, card: card, needle: needle) {
                bulk.skipped.append(BulkSkip(cardId: card.cardId, why: why))
            } else {
                bulk.cardIds.append(card.cardId)
            }
        }
        return bulk
    }

    /// The marked cards a refresh asks for: shown ones not already loading.
    static func refreshable(_ state: ConsoleState) -> [String] {
        let needle = state.ui.filterText.lowercased()
        return state.data.cards.filter {
            state.ui.marked.contains($0.cardId) && !$0.isLoading && (needle.isEmpty || VisibleCards.matches($0, needle))
        }.map(\.cardId)
    }

    /// `nil` when the action can go to at least one marked card; else why not, naming the count.
    static func whyNot(_ action: KeyAction, in state: ConsoleState) -> String? {
        let count = state.ui.marked.count
        let cards = count == 1 ? "the marked card" : "the \(count) marked cards"
        switch action {
        case .lock, .unlock:
            if state.data.offline { return "offline" }
            let bulk = bulk(action == .lock ? .lock : .unlock, state: state)
            guard bulk.cardIds.isEmpty else { return nil }
            let verb = action == .lock ? "locked" : "unlocked"
            let head = count == 1 ? "the marked card cannot be \(verb)" : "none of \(cards) can be \(verb)"
            return head + (bulk.skippedReasons.map { " (\($0))" } ?? "")
        default:
            return refreshable(state).isEmpty ? "\(cards) \(count == 1 ? "is" : "are") already refreshing or hidden by the filter" : nil
        }
    }

    /// Why `card` is left out of `operation` on the marked cards, or `nil` to send it.
    static func skipReason(_ operation: OperationName, card: CardEntry, needle: String) -> String? {
        if !needle.isEmpty && !VisibleCards.matches(card, needle) { return "hidden by the filter" }
        if card.isUnknownToService { return "unknown to MusePay" }
        guard let record = card.record else { return "not loaded" }
        if !card.pending.isEmpty { return "busy" }
        if operation == .lock {
            if record.status == .locked { return "already LOCK" }
            return record.status == .active ? nil : record.status.rawValue
        }
        guard record.status == .locked else { return "not locked" }
        // Sensitive locks are undone one card at a time; a lock whose reason was not read is treated alike.
        guard let lock = card.lastLock else { return "lock reason not known" }
        return lock.reason?.code.isSensitive == true ? sensitive : nil
    }
}
