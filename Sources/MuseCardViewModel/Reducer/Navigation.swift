/// Moving the selection through the visible list and keeping it on screen.
enum Navigation {
    static func move(by delta: Int, state: inout ConsoleState) {
        let list = VisibleCards.list(state)
        guard !list.isEmpty else { return }
        // With nothing selected (everything was filtered away) the first key lands on the first row.
        move(to: position(in: list, state).map { $0 + delta } ?? 0, in: list, state: &state)
    }

    static func move(to index: Int, state: inout ConsoleState) {
        move(to: index, in: VisibleCards.list(state), state: &state)
    }

    private static func move(to index: Int, in list: [CardEntry], state: inout ConsoleState) {
        guard !list.isEmpty else { return }
        let target = min(max(index, 0), list.count - 1)
        state.ui.selectedCardId = list[target].cardId
        if isStorageOrder(state) { state.ui.selectionHint.value = target }
        state.ui.isPhoneRevealed = false
        keepSelectionVisible(state: &state, list: list)
    }

    /// Re-selects a visible card when the selection was filtered away, and scrolls to it; with
    /// no row visible nothing is selected, so no card action can reach a hidden card.
    static func keepSelectionVisible(_ state: inout ConsoleState) {
        keepSelectionVisible(state: &state, list: VisibleCards.list(state))
    }

    /// The selection's index in `list`: the remembered one when the list is the stored order, else a search.
    static func position(in list: [CardEntry], _ state: ConsoleState) -> Int? {
        if isStorageOrder(state), let hint = state.ui.selectionHint.value, list.indices.contains(hint),
           list[hint].cardId == state.ui.selectedCardId {
            return hint
        }
        return list.firstIndex { $0.cardId == state.ui.selectedCardId }
    }

    /// Unfiltered and in the order added: the list is the stored array itself.
    static func isStorageOrder(_ state: ConsoleState) -> Bool {
        state.ui.filterText.isEmpty && state.ui.sort == .added
    }

    private static func keepSelectionVisible(state: inout ConsoleState, list: [CardEntry]) {
        guard !list.isEmpty else {
            state.ui.selectedCardId = nil
            state.ui.scrollOffset = 0
            return
        }
        var index = position(in: list, state)
        if index == nil {
            index = 0
            state.ui.selectedCardId = list[0].cardId
        }
        let selected = index ?? 0
        let height = max(1, state.ui.listHeight)
        if selected < state.ui.scrollOffset { state.ui.scrollOffset = selected }
        if selected >= state.ui.scrollOffset + height { state.ui.scrollOffset = selected - height + 1 }
        state.ui.scrollOffset = min(state.ui.scrollOffset, max(0, list.count - height))
    }
}
