import MuseCardKit

extension ConsoleReducer {
    /// `t`: the selected card's transactions, first page.
    func openTransactions(_ card: CardEntry, state: inout ConsoleState) -> [Effect] {
        guard let userId = state.data.cardholder?.userId else { return [] }
        state.ui.modal = .transactions(TransactionsState(cardId: card.cardId))
        return [.loadTransactions(userId: userId, cardId: card.cardId, page: 1)]
    }

    /// A page has come back: appended if it is the page the open popup waits for.
    func transactionsLoaded(cardId: String, page: Int, filters: TransactionFilters, result: Result<[Transaction], MusePayError>,
                            state: inout ConsoleState) -> [Effect] {
        guard case .transactions(var list)? = state.ui.modal, list.cardId == cardId, list.filters == filters,
              page == list.pagesLoaded + 1 else { return [] }
        list.isLoading = false
        switch result {
        case .success(let transactions):
            list.transactions += transactions
            list.pagesLoaded = page
            list.hasMore = transactions.count >= TransactionsState.pageSize
            list.error = nil
            ResultHandling.backOnline(&state)
        case .failure(let error):
            list.error = error.description
            ResultHandling.noteFailure(error, state: &state)
        }
        state.ui.modal = .transactions(list)
        return []
    }

    /// Keys in the transactions popup: move (the next page is asked at the end), Enter for one, close.
    func transactionsKey(_ key: String, list: TransactionsState, state: inout ConsoleState) -> [Effect] {
        var list = list
        if list.detail != nil {
            if ["esc", "q", "enter", "backspace"].contains(key) { list.detail = nil }
            state.ui.modal = .transactions(list)
            return []
        }
        if let selected = ListKeys.move(key, selected: list.selected, count: list.transactions.count, page: state.ui.listHeight) {
            list.selected = selected
            state.ui.modal = .transactions(list)
            return nextPageIfAtEnd(&list, state: &state)
        }
        switch (key, activeKeys(state).action(forKey: key)) {
        case ("enter", _): if list.transactions.indices.contains(list.selected) { list.detail = list.selected }
        case ("esc", _), ("q", _), ("t", _):
            state.ui.modal = nil
            return []
        case (_, .transactionsStatus?): return refilter(list, list.filters.nextStatus(), state: &state)
        case (_, .transactionsType?): return refilter(list, list.filters.nextType(), state: &state)
        case (_, .transactionsDates?): return refilter(list, list.filters.nextRange(), state: &state)
        default: break
        }
        state.ui.modal = .transactions(list)
        return []
    }

    /// The list again under `filters`, from the first page.
    private func refilter(_ list: TransactionsState, _ filters: TransactionFilters, state: inout ConsoleState) -> [Effect] {
        guard let userId = state.data.cardholder?.userId else { return [] }
        var fresh = TransactionsState(cardId: list.cardId)
        fresh.filters = filters
        state.ui.modal = .transactions(fresh)
        return [.loadTransactions(userId: userId, cardId: list.cardId, page: 1, filters: filters)]
    }

    /// Asks for the next page once the cursor is on the last row (again after a failed page).
    private func nextPageIfAtEnd(_ list: inout TransactionsState, state: inout ConsoleState) -> [Effect] {
        guard let userId = state.data.cardholder?.userId, list.hasMore, !list.isLoading,
              list.selected >= list.transactions.count - 1 else { return [] }
        list.isLoading = true
        list.error = nil
        state.ui.modal = .transactions(list)
        return [.loadTransactions(userId: userId, cardId: list.cardId, page: list.pagesLoaded + 1, filters: list.filters)]
    }
}
