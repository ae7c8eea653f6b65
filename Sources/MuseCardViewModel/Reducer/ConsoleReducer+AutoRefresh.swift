extension ConsoleReducer {
    /// The next auto-refresh, `refresh_seconds` from now; none when it is off.
    func scheduleAutoRefresh(_ state: ConsoleState) -> [Effect] {
        state.session.refreshSeconds > 0 ? [.autoRefresh(after: .seconds(state.session.refreshSeconds))] : []
    }

    /// Refreshes the cards on screen, quietly, unless the agent is in a popup, a form or typing:
    /// rows must not move under a question being answered.
    func autoRefreshDue(state: inout ConsoleState) -> [Effect] {
        let next = scheduleAutoRefresh(state)
        guard state.ui.modal == nil, state.ui.commandLine == nil, !state.ui.isEditingFilter, !state.ui.isTerminalTooSmall else { return next }
        let visible = VisibleCards.list(state).dropFirst(state.ui.scrollOffset).prefix(max(1, state.ui.listHeight))
        let ids = visible.filter { !$0.isLoading && $0.pending.isEmpty }.map(\.cardId)
        return refresh(ids, state: &state) + next
    }
}
