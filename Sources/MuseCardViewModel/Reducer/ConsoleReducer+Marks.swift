extension ConsoleReducer {
    /// `space`: marks or unmarks the selected card, then moves on, so marking rows is one key each.
    func toggleMark(_ cardId: String, state: inout ConsoleState) {
        if state.ui.marked.remove(cardId) == nil { state.ui.marked.insert(cardId) }
        Navigation.move(by: 1, state: &state)
    }

    /// `*`: marks every shown card (the filter narrows it); when all of them are marked already, unmarks them.
    func markAllShown(_ state: inout ConsoleState) {
        let shown = VisibleCards.list(state).map(\.cardId)
        let narrowed = state.ui.filterText.isEmpty ? "" : " matching the filter"
        let cards = shown.count == 1 ? "1 shown card" : "\(shown.count) shown cards"
        if shown.allSatisfy(state.ui.marked.contains) {
            state.ui.marked.subtract(shown)
            state.ui.flash = Flash("Unmarked \(cards)\(narrowed); \(state.ui.marked.count) marked", .info)
        } else {
            state.ui.marked.formUnion(shown)
            state.ui.flash = Flash("Marked \(cards)\(narrowed); \(state.ui.marked.count) marked", .info)
        }
    }

    /// `esc` with no filter to clear: the marks go.
    func clearMarks(_ state: inout ConsoleState) {
        let count = state.ui.marked.count
        state.ui.marked = []
        state.ui.flash = Flash("Cleared \(count) mark\(count == 1 ? "" : "s")", .info)
    }

    /// Lock (reason first), unlock or refresh of the marked cards: one form or question for all
    /// of them, then one operation per card on the same path as a single card.
    func performOnMarked(_ action: KeyAction, state: inout ConsoleState) -> [Effect] {
        switch action {
        case .lock:
            state.ui.modal = .form(FormCatalog.make(.lockMany(MarkedCards.bulk(.lock, state: state)), card: nil))
            state.ui.flash = nil
        case .unlock:
            state.ui.modal = .confirm(Confirmations.bulk(MarkedCards.bulk(.unlock, state: state), state: state))
        default:
            // A refresh is a question to the service, not a change: no confirmation, as for `r` and `R`.
            let ids = MarkedCards.refreshable(state)
            state.ui.refreshWatch = RefreshWatch(verb: "Refreshed", cardIds: ids)
            state.ui.flash = Flash("Refreshing \(ids.count) marked card\(ids.count == 1 ? "" : "s")…", .info)
            return refresh(ids, state: &state)
        }
        return []
    }
}
