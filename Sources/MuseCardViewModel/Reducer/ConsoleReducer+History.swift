import MuseCardStore

extension ConsoleReducer {
    /// `h`: the selected card's history, read from the audit trail.
    func openHistory(_ card: CardEntry, state: inout ConsoleState) -> [Effect] {
        guard let userId = state.data.cardholder?.userId else { return [] }
        state.ui.modal = .history(HistoryState(cardId: card.cardId))
        return [.loadHistory(userId: userId, cardId: card.cardId)]
    }

    /// The audit trail's answer, if the history of that card is still open.
    func historyLoaded(cardId: String, operations: [AuditOperation], error: String?, state: inout ConsoleState) -> [Effect] {
        guard case .history(var history)? = state.ui.modal, history.cardId == cardId else { return [] }
        history.operations = operations
        history.error = error
        history.isLoading = false
        history.selected = 0
        state.ui.modal = .history(history)
        return []
    }

    /// Keys in the history popup: move through it, close it.
    func historyKey(_ key: String, history: HistoryState, state: inout ConsoleState) -> [Effect] {
        var history = history
        guard let selected = ListKeys.move(key, selected: history.selected, count: history.operations.count, page: state.ui.listHeight) else {
            if ["esc", "q", "h", "enter"].contains(key) { state.ui.modal = nil }
            return []
        }
        history.selected = selected
        state.ui.modal = .history(history)
        return []
    }
}

/// Moving a cursor through a popup's list with the usual keys.
enum ListKeys {
    /// The new index for a movement key, or `nil` when `key` does not move.
    static func move(_ key: String, selected: Int, count: Int, page: Int) -> Int? {
        let last = max(count - 1, 0)
        switch key {
        case "j", "down": return min(selected + 1, last)
        case "k", "up": return max(selected - 1, 0)
        case "g", "home": return 0
        case "G", "end": return last
        case "pgdn": return min(selected + max(page, 1), last)
        case "pgup": return max(selected - max(page, 1), 0)
        default: return nil
        }
    }
}
