import MuseCardKit

extension ConsoleReducer {
    /// `t`: the selected card's transactions, first page.
    func openTransactions(_ card: CardEntry, state: inout ConsoleState) -> [Effect] {
        guard let userId = state.data.cardholder?.userId else { return [] }
        state.ui.modal = .transactions(TransactionsState(cardId: card.cardId))
        return [.loadTransactions(userId: userId, cardId: card.cardId, page: 1)]
    }

    /// A page has come back: appended if it is the page the open popup waits for.
    func transactionsLoaded(cardId: String, page: Int, status: String?, result: Result<[Transaction], MusePayError>,
                            state: inout ConsoleState) -> [Effect] {
        guard case .transactions(var list)? = state.ui.modal, list.cardId == cardId, list.status == status,
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
        switch key {
        case "enter": if list.transactions.indices.contains(list.selected) { list.detail = list.selected }
        case "esc", "q", "t":
            state.ui.modal = nil
            return []
        case "f":
            // The next status filter, from the first page again.
            guard let userId = state.data.cardholder?.userId else { return [] }
            let filters: [String?] = [nil] + TransactionsState.statusFilters.map { $0 }
            let next = filters[((filters.firstIndex(of: list.status) ?? 0) + 1) % filters.count]
            var fresh = TransactionsState(cardId: list.cardId)
            fresh.status = next
            state.ui.modal = .transactions(fresh)
            return [.loadTransactions(userId: userId, cardId: list.cardId, page: 1, status: next)]
        default: break
        }
        state.ui.modal = .transactions(list)
        return []
    }

    /// Asks for the next page once the cursor is on the last row (again after a failed page).
    private func nextPageIfAtEnd(_ list: inout TransactionsState, state: inout ConsoleState) -> [Effect] {
        guard let userId = state.data.cardholder?.userId, list.hasMore, !list.isLoading,
              list.selected >= list.transactions.count - 1 else { return [] }
        list.isLoading = true
        list.error = nil
        state.ui.modal = .transactions(list)
        return [.loadTransactions(userId: userId, cardId: list.cardId, page: list.pagesLoaded + 1, status: list.status)]
    }
}
