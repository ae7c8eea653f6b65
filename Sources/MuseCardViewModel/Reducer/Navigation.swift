/// Moving the selection through the visible list and keeping it on screen.
enum Navigation {
    static func move(by delta: Int, state: inout ConsoleState) {
        let list = VisibleCards.list(state)
        guard !list.isEmpty else { return }
        let current = list.firstIndex { $0.cardId == state.ui.selectedCardId } ?? 0
        move(to: current + delta, in: list, state: &state)
    }

    static func move(to index: Int, state: inout ConsoleState) {
        move(to: index, in: VisibleCards.list(state), state: &state)
    }

    private static func move(to index: Int, in list: [CardEntry], state: inout ConsoleState) {
        guard !list.isEmpty else { return }
        state.ui.selectedCardId = list[min(max(index, 0), list.count - 1)].cardId
        state.ui.isPhoneRevealed = false
        keepSelectionVisible(state: &state, list: list)
    }

    /// Re-selects a visible card when the selection was filtered away, and scrolls to it.
    static func keepSelectionVisible(_ state: inout ConsoleState) {
        keepSelectionVisible(state: &state, list: VisibleCards.list(state))
    }

    private static func keepSelectionVisible(state: inout ConsoleState, list: [CardEntry]) {
        guard !list.isEmpty else {
            state.ui.scrollOffset = 0
            return
        }
        var index = list.firstIndex { $0.cardId == state.ui.selectedCardId }
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
