/// A long card list is read from the index a page at a time: the first screenful at once, more as
/// the selection nears the last row read, and all the rest only when a key needs every card.
extension ConsoleReducer {
    /// The first page and the list's size: the title and position count every card from the start.
    func cardListOpened(userId: String, cards: [CardEntry], total: Int, state: inout ConsoleState) -> [Effect] {
        guard state.data.cardholder?.userId == userId else { return [] }
        state.data.paging = total > cards.count ? CardPaging(total: total, read: cards.count) : nil
        // A terminal taller than the first page reads the next one at once.
        return cachedCardsLoaded(userId: userId, cards: cards, state: &state) + readAhead(state: &state)
    }

    /// A further page: added to the list; a key that waited for the whole list is done now.
    func cardPageRead(userId: String, cards: [CardEntry], from: Int, asked: Int?, state: inout ConsoleState) -> [Effect] {
        guard state.data.cardholder?.userId == userId, var paging = state.data.paging else { return [] }
        paging.isReading = false
        guard from == paging.read else {
            // Rows read before a card was forgotten, or read twice (asked again after a store failure):
            // counting them would skip rows. The list is read on from where it stands.
            state.data.paging = paging
            return paging.waitingKey == nil ? [] : readRest(state: &state)
        }
        paging.read += cards.count
        // A short page is the end of the list (cards added meanwhile included).
        let complete = asked.map { cards.count < $0 } ?? true
        let waiting = paging.waitingKey
        state.data.paging = complete ? nil : paging
        var effects = cachedCardsLoaded(userId: userId, cards: cards, state: &state)
        if complete {
            if let waiting {
                state.ui.flash = nil
                effects += perform(waiting, state: &state)
            }
        } else if waiting != nil || !Navigation.isStorageOrder(state) {
            effects += readRest(state: &state)
        } else {
            effects += readAhead(state: &state)
        }
        return effects
    }

    /// A key that needs every card (`G`, `*`, lock every active card, `R`) waits while the rest is read.
    func waitForWholeList(_ action: KeyAction, state: inout ConsoleState) -> [Effect]? {
        guard var paging = state.data.paging, [.last, .markAll, .lockAll, .refreshAll].contains(action) else { return nil }
        paging.waitingKey = action
        state.data.paging = paging
        state.ui.flash = Flash("Reading all \(state.data.knownCardCount) cards…", .info)
        return readRest(state: &state)
    }

    /// Reads every card not read yet (filtering and sorting work on the whole list).
    func readRest(state: inout ConsoleState) -> [Effect] {
        read(limit: nil, state: &state)
    }

    /// Reads the next page when the last row read is within a screenful and `CardPaging.readAhead` rows of the selection.
    func readAhead(state: inout ConsoleState) -> [Effect] {
        guard state.data.paging != nil else { return [] }
        let list = VisibleCards.list(state)
        let position = Navigation.position(in: list, state) ?? 0
        guard list.count - position <= max(1, state.ui.listHeight) + CardPaging.readAhead else { return [] }
        return read(limit: CardPaging.pageSize, state: &state)
    }

    /// A card forgotten from the index: the rows after it move up by one.
    func forgotFromIndex(state: inout ConsoleState) {
        guard var paging = state.data.paging else { return }
        paging.total = max(0, paging.total - 1)
        paging.read = max(0, paging.read - 1)
        state.data.paging = paging
    }

    private func read(limit: Int?, state: inout ConsoleState) -> [Effect] {
        guard var paging = state.data.paging, !paging.isReading, let userId = state.data.cardholder?.userId else { return [] }
        paging.isReading = true
        state.data.paging = paging
        return [.readCards(userId: userId, from: paging.read, limit: limit)]
    }
}
