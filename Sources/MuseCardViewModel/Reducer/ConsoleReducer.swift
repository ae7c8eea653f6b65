import Foundation
import MuseCardKit
import MuseCardStore

/// The console's behaviour: `reduce(state:action:)` changes the state and returns effects to run.
public struct ConsoleReducer: Sendable {
    public var keys: KeyTable

    public init(keys: KeyTable = .defaults) { self.keys = keys }

    /// Applies `action` to `state` and returns the work to do outside.
    public func reduce(state: inout ConsoleState, action: ConsoleAction) -> [Effect] {
        clearRetry(answered: action, state: &state)
        let effects = apply(action, to: &state)
        // Moving through the list changes nothing in flight; everything else may.
        switch action {
        case .keyPressed, .pasted, .terminalTooSmall, .viewportChanged, .rowClicked: if !effects.isEmpty { state.data.recountInFlight() }
        default: state.data.recountInFlight()
        }
        return effects
    }

    private func apply(_ action: ConsoleAction, to state: inout ConsoleState) -> [Effect] {
        switch action {
        case .keyPressed(let key):
            return keyPressed(key, state: &state)
        case .pasted(let text):
            return pasted(text, state: &state)
        case .terminalTooSmall(let tooSmall):
            state.ui.isTerminalTooSmall = tooSmall
            return []
        case .viewportChanged(let height):
            state.ui.listHeight = max(1, height)
            Navigation.keepSelectionVisible(&state)
            // A taller window may show rows not read yet.
            return readAhead(state: &state)
        case .openCardholder(let userId, let label, let ticket):
            return open(userId: userId, label: label, ticket: ticket ?? state.data.sessionTicket, state: &state)
        case .showPicker:
            state.ui.modal = .picker(PickerState())
            return [.loadCardholders]
        case .cardholdersLoaded(let known):
            state.data.knownCardholders = known
            if case .picker(var picker)? = state.ui.modal {
                picker.isLoading = false
                state.ui.modal = .picker(picker)
            }
            return []
        case .cardListOpened(let userId, let cards, let total):
            return cardListOpened(userId: userId, cards: cards, total: total, state: &state)
        case .cardPageRead(let userId, let cards, let from, let asked):
            return cardPageRead(userId: userId, cards: cards, from: from, asked: asked, state: &state)
        case .pendingRequestsLoaded(let userId, let entries):
            guard state.data.cardholder?.userId == userId else { return [] }
            return followPending(entries, userId: userId, state: &state)
        case .cardFetched(let userId, let cardId, let result, let at):
            guard state.data.cardholder?.userId == userId else { return [] }
            return ResultHandling.cardFetched(cardId: cardId, result: result, at: at, state: &state)
        case .operationFinished(let report):
            return ResultHandling.operationFinished(report, state: &state)
        case .applicationPolled(let userId, let requestId, let result, let at):
            guard state.data.cardholder?.userId == userId else { return [] }
            return ResultHandling.applicationPolled(requestId: requestId, result: result, at: at, userId: userId, state: &state)
        case .cardAdded(let userId, let cardId):
            guard state.data.cardholder?.userId == userId else { return [] }
            if state.data.card(cardId) == nil { state.data.cards.append(CardEntry(cardId: cardId)) }
            state.ui.refreshWatch = RefreshWatch(verb: "Added", cardIds: [cardId])
            state.ui.selectedCardId = cardId
            Navigation.keepSelectionVisible(&state)
            return refresh([cardId], state: &state)
        case .bulkFinished(let userId, let bulk, let succeeded, let failed):
            guard state.data.cardholder?.userId == userId else { return [] }
            state.ui.flash = Flash(bulk.resultText(succeeded: succeeded, failed: failed), failed > 0 ? .error : .success)
            return []
        case .storeFailed(let message):
            // A page that could not be read is asked again by the next move; a waiting key is dropped.
            state.data.paging?.isReading = false
            state.data.paging?.waitingKey = nil
            // While the team store is away every call to it fails: the top bar says so once.
            if state.data.team.storeStale { return [] }
            state.ui.flash = Flash("Local cache or audit trail: \(message)", .error)
            return []
        case .notice(let message):
            state.ui.flash = Flash(message, .info)
            return []
        case .lastLockLoaded(let userId, let cardId, let note):
            return lastLockLoaded(userId: userId, cardId: cardId, note: note, state: &state)
        case .historyLoaded(let userId, let cardId, let operations, let error):
            guard state.data.cardholder?.userId == userId else { return [] }
            return historyLoaded(cardId: cardId, operations: operations, error: error, state: &state)
        case .transactionsLoaded(let userId, let cardId, let page, let result, let filters):
            guard state.data.cardholder?.userId == userId else { return [] }
            return transactionsLoaded(cardId: cardId, page: page, filters: filters, result: result, state: &state)
        case .cardholdersFound(let text, let matches, let error):
            cardholdersFound(text: text, matches: matches, error: error, state: &state)
            return []
        case .cardholderNamed(let userId, let name):
            guard state.data.cardholder?.userId == userId, state.data.cardholder?.label == nil else { return [] }
            state.data.cardholder?.label = name
            return []
        case .rowClicked(let index):
            guard state.ui.modal == nil, !state.ui.isTerminalTooSmall else { return [] }
            Navigation.move(to: index, state: &state)
            return []
        case .menuItemClicked(let index):
            guard case .menu? = state.ui.modal else { return [] }
            state.ui.modal = .menu(selected: index)
            return keyPressed("enter", state: &state)
        case .startAutoRefresh:
            return scheduleAutoRefresh(state)
        case .autoRefreshDue:
            return autoRefreshDue(state: &state)
        case .retrying(let note):
            state.data.retrying = note
            return [.expireRetry(note, after: RetryNote.shownFor)]
        case .retryExpired(let note):
            if state.data.retrying == note { state.data.retrying = nil }
            return []
        case .copied(let what, let error):
            copied(what: what, error: error, state: &state)
            return []
        case .startTeam, .teamListening, .teamEvent, .viewersLoaded, .busyLoaded, .pendingApprovalsLoaded, .cardApprovalLoaded, .approvalRequested,
             .approvalDecided, .approvalHistoryLoaded, .teamStoreReachable, .teamSessionLearned:
            return teamAction(action, state: &state)
        }
    }

    /// Opens a cardholder: cached cards first, then a refresh of the visible ones (`RefreshPolicy`).
    func open(userId: String, label: String?, ticket: String?, state: inout ConsoleState) -> [Effect] {
        SessionSummary.rememberCurrentCardholder(&state)
        state.data.cardholder = Cardholder(userId: userId, label: label, ticket: ticket)
        state.data.cards = []
        state.data.paging = nil
        state.data.operations = []
        state.ui.selectedCardId = nil
        state.ui.filterText = ""
        state.ui.isEditingFilter = false
        state.ui.scrollOffset = 0
        state.ui.modal = nil
        state.ui.isPhoneRevealed = false
        state.ui.marked = []
        state.ui.flash = Flash("Opened cardholder \(userId)" + (ticket.map { " for ticket \($0)" } ?? ""), .info)
        // What the team showed of the last cardholder is about someone else now.
        state.data.team.viewers = []
        state.data.team.busy = [:]
        state.data.team.requests = [:]
        let announce: [Effect] = state.session.team == nil ? [] : [.announceOpen(userId: userId)]
        return [.loadCardholder(userId: userId, label: label)] + announce
    }

    /// Adds cached cards read from the index (each once), then asks for what `RefreshPolicy` says.
    func cachedCardsLoaded(userId: String, cards: [CardEntry], state: inout ConsoleState) -> [Effect] {
        guard state.data.cardholder?.userId == userId else { return [] }
        var known = Set(state.data.cards.map(\.cardId))
        // One allocation of the right size, not a doubling array a third empty.
        state.data.cards.reserveCapacity(state.data.cards.count + cards.count)
        var added: Set<String> = []
        for card in cards where known.insert(card.cardId).inserted {
            state.data.cards.append(card)
            added.insert(card.cardId)
        }
        if state.ui.selectedCardId == nil { state.ui.selectedCardId = VisibleCards.list(state).first?.cardId }
        return RefreshPolicy.afterLoading(added, state: &state)
    }

    /// Marks cards loading and asks for them, bounded by the session's concurrency.
    func refresh(_ cardIds: [String], state: inout ConsoleState) -> [Effect] {
        guard let userId = state.data.cardholder?.userId else { return [] }
        let asked = Set(cardIds)
        var idle: Set<String> = []
        for index in state.data.cards.indices where asked.contains(state.data.cards[index].cardId) && !state.data.cards[index].isLoading {
            idle.insert(state.data.cards[index].cardId)
            state.data.cards[index].isLoading = true
        }
        // In the order asked, each once.
        let ids = cardIds.filter { idle.remove($0) != nil }
        guard !ids.isEmpty else { return [] }
        return [.fetchCards(userId: userId, cardIds: ids, maxConcurrent: state.session.maxConcurrentRefreshes)]
    }

    /// Applications left pending are followed (asking is harmless); an interrupted replace is
    /// offered for resumption and sent only on yes, never in a read-only session.
    private func followPending(_ entries: [JournalEntry], userId: String, state: inout ConsoleState) -> [Effect] {
        var effects: [Effect] = []
        for entry in entries where !state.data.operations.contains(where: { $0.requestId == entry.requestId }) {
            let kind: FollowedOperation.Kind = entry.kind == .replace ? .replace : .apply
            state.data.operations.append(FollowedOperation(kind: kind, requestId: entry.requestId, applyId: entry.detail,
                                                           cardId: entry.cardId, status: "pending", isInFlight: kind == .apply))
            if kind == .apply {
                effects.append(.pollApplication(userId: userId, requestId: entry.requestId, applyId: entry.detail, after: .zero))
            }
        }
        let replaces = entries.filter { $0.kind == .replace }
        if let first = replaces.first {
            if state.session.readOnly {
                state.ui.flash = Flash("The replace of \(first.cardId ?? "a card") was interrupted at \(UTCTime.clock(first.createdAt)) UTC; read-only: not resumed", .error)
            } else if state.ui.modal == nil {
                state.ui.modal = .confirm(Confirmations.resume(first, card: first.cardId.flatMap { state.data.card($0) }))
            }
        } else if !entries.isEmpty {
            state.ui.flash = Flash("Following \(entries.count) interrupted application(s) with their original request ids", .info)
        }
        return effects
    }
}
