import MuseCardKit

extension ConsoleReducer {
    /// Routes a key: the open popup first, then the filter being typed, then the key table.
    /// While the terminal is too small nothing is on screen to act on: only quit is honoured.
    func keyPressed(_ key: String, state: inout ConsoleState) -> [Effect] {
        if key == "ctrl-c" || (state.ui.isTerminalTooSmall && activeKeys(state).action(forKey: key) == .quit) {
            state.ui.exitRequested = true
            return []
        }
        if state.ui.isTerminalTooSmall { return [] }
        if let modal = state.ui.modal { return modalKey(key, modal: modal, state: &state) }
        if let line = state.ui.commandLine { return commandLineKey(key, line: line, state: &state) }
        if state.ui.isEditingFilter { return filterKey(key, state: &state) }
        guard let action = activeKeys(state).action(forKey: key) else {
            // A read-only session hides the changes: the key still says why nothing happens.
            if state.session.readOnly, let hidden = keys.action(forKey: key), let binding = keys.binding(hidden), binding.isMutating {
                state.ui.flash = Flash("Cannot \(binding.label): read-only session", .error)
            } else {
                state.ui.flash = Flash("Unknown key \(HintPresenter.display(key)) — ? lists the keys", .info)
            }
            return []
        }
        return perform(action, state: &state)
    }

    /// The key table of this session: read-only sessions lose the mutating bindings.
    func activeKeys(_ state: ConsoleState) -> KeyTable {
        state.session.readOnly ? keys.readOnly : keys
    }

    /// Does what a key-table action asks, or says why it cannot.
    func perform(_ action: KeyAction, state: inout ConsoleState) -> [Effect] {
        if let reason = ActionAvailability.whyNot(action, in: state) {
            let binding = keys.binding(action)
            let label = (MarkedCards.apply(to: action, in: state) ? binding?.onMarked : nil) ?? binding?.label ?? action.rawValue
            state.ui.flash = Flash("Cannot \(label): \(reason)", .error)
            return []
        }
        if askForTicket(before: action, state: &state) { return [] }
        if let waiting = waitForWholeList(action, state: &state) { return waiting }
        if MarkedCards.apply(to: action, in: state) { return performOnMarked(action, state: &state) }
        let selected = ActionAvailability.selectedCard(state)
        switch action {
        case .moveDown:
            Navigation.move(by: 1, state: &state)
            return readAhead(state: &state)
        case .moveUp: Navigation.move(by: -1, state: &state)
        case .pageDown:
            Navigation.move(by: state.ui.listHeight, state: &state)
            return readAhead(state: &state)
        case .pageUp: Navigation.move(by: -state.ui.listHeight, state: &state)
        case .first: Navigation.move(to: 0, state: &state)
        case .last: Navigation.move(to: Int.max, state: &state)
        case .actionMenu: state.ui.modal = .menu(selected: firstEnabledMenuIndex(state))
        case .help: state.ui.modal = .help
        case .quit:
            if state.data.changesInFlight > 0 {
                state.ui.modal = .confirm(Confirmations.quitWhileBusy(state.data.changesInFlight))
            } else {
                state.ui.exitRequested = true
            }
        case .back:
            if !state.ui.filterText.isEmpty {
                state.ui.filterText = ""
                Navigation.keepSelectionVisible(&state)
            } else if !state.ui.marked.isEmpty {
                clearMarks(&state)
            }
        case .filter:
            // Typing starts at once (keys are never held back); the rest of a long list follows.
            state.ui.isEditingFilter = true
            return readRest(state: &state)
        case .sort:
            state.ui.sort = state.ui.sort.next
            Navigation.keepSelectionVisible(&state)
            state.ui.flash = Flash("Sorted \(state.ui.sort.label)", .info)
            return readRest(state: &state)
        case .togglePhone: state.ui.isPhoneRevealed.toggle()
        case .refresh, .refreshAll:
            let ids = action == .refresh ? selected.map { [$0.cardId] } ?? [] : state.data.cards.map(\.cardId)
            state.ui.refreshWatch = RefreshWatch(verb: "Refreshed", cardIds: ids)
            state.ui.flash = Flash("Refreshing \(ids.count == 1 ? ids[0] : "\(ids.count) cards")…", .info)
            return refresh(ids, state: &state)
        case .history:
            guard let card = selected else { return [] }
            return openHistory(card, state: &state)
        case .transactions:
            guard let card = selected else { return [] }
            return openTransactions(card, state: &state)
        case .mark:
            guard let card = selected else { return [] }
            toggleMark(card.cardId, state: &state)
        case .markAll: markAllShown(&state)
        case .copy:
            guard let card = selected else { return [] }
            return copySelectedCard(card)
        case .commandLine:
            state.ui.commandLine = CommandLineState()
        case .openCardholder:
            state.ui.modal = .picker(PickerState())
            return [.loadCardholders]
        case .addCard: state.ui.modal = .form(FormCatalog.make(.addCard, card: nil))
        case .apply: state.ui.modal = .form(FormCatalog.make(.apply, card: nil, state: state))
        case .forgetCard:
            guard let card = selected, let userId = state.data.cardholder?.userId else { return [] }
            state.data.cards.removeAll { $0.cardId == card.cardId }
            forgotFromIndex(state: &state)
            state.ui.marked.remove(card.cardId)
            state.ui.selectedCardId = VisibleCards.list(state).first?.cardId
            Navigation.keepSelectionVisible(&state)
            state.ui.flash = Flash("Forgot card \(card.cardId) locally (the service is unchanged)", .info)
            return [.forgetCard(userId: userId, cardId: card.cardId)]
        case .lock:
            // The reason is asked first; the confirmation repeats it.
            guard let card = selected else { return [] }
            state.ui.modal = .form(FormCatalog.make(.lock(cardId: card.cardId), card: card))
        case .unlock:
            guard let card = selected else { return [] }
            unlockAsked(card, state: &state)
        case .activate, .activatePhysical:
            guard let card = selected else { return [] }
            state.ui.modal = .confirm(Confirmations.single(action, card: card))
        case .lockAll:
            let bulk = BulkCommand(.lock, scope: .everyActive, cardIds: ActionAvailability.lockableCards(state))
            state.ui.modal = .form(FormCatalog.make(.lockMany(bulk), card: nil))
        case .updatePhone, .changeLimit, .changePIN, .replace, .sensitiveInfo:
            guard let card = selected else { return [] }
            state.ui.modal = .form(FormCatalog.make(Self.formKind(action, cardId: card.cardId), card: card))
        case .approvals:
            return openApprovals(state: &state)
        case .transactionsStatus, .transactionsType, .transactionsDates, .approveRequest, .denyRequest:
            break // `whyNot` has said these work in their own views only.
        }
        // A new form starts clean: the last action's flash is about something else.
        if case .form? = state.ui.modal { state.ui.flash = nil }
        return []
    }

    static func formKind(_ action: KeyAction, cardId: String) -> FormState.Kind {
        switch action {
        case .updatePhone: return .updatePhone(cardId: cardId)
        case .changeLimit: return .changeLimit(cardId: cardId)
        case .changePIN: return .changePIN(cardId: cardId)
        case .replace: return .replace(cardId: cardId)
        default: return .sensitiveInfo(cardId: cardId)
        }
    }

    private func filterKey(_ key: String, state: inout ConsoleState) -> [Effect] {
        switch key {
        case "enter": state.ui.isEditingFilter = false
        case "esc":
            state.ui.filterText = ""
            state.ui.isEditingFilter = false
        case "backspace": if !state.ui.filterText.isEmpty { state.ui.filterText.removeLast() }
        case "up", "down":
            Navigation.move(by: key == "down" ? 1 : -1, state: &state)
            return []
        default:
            guard let character = TextInput.character(for: key), state.ui.filterText.count < ConsoleUI.maxFilterLength else { return [] }
            state.ui.filterText.append(character)
        }
        Navigation.keepSelectionVisible(&state)
        return []
    }
}
