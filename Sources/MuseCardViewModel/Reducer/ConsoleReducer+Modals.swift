import MuseCardKit
import MuseCardOperations

extension ConsoleReducer {
    /// Keys while a popup is open: the popup owns the keyboard.
    func modalKey(_ key: String, modal: Modal, state: inout ConsoleState) -> [Effect] {
        // `y` answers yes in a confirmation; in a result popup it copies what the popup shows.
        if key == keys.primaryKey(.copy), modal.hasCopyableValue { return copyInPopup(modal, state: &state) }
        switch modal {
        case .menu(let selected): return menuKey(key, selected: selected, state: &state)
        case .confirm(var confirmation):
            switch key {
            case "y", "Y": return confirm(confirmation.command, state: &state)
            case "n", "N", "esc", "q":
                cancel(confirmation, state: &state)
            case "left", "right", "tab", "backtab", "h":
                confirmation.confirmFocused.toggle()
                state.ui.modal = .confirm(confirmation)
            case "enter":
                if confirmation.confirmFocused { return confirm(confirmation.command, state: &state) }
                cancel(confirmation, state: &state)
            default: break
            }
            return []
        case .form(let form): return formKey(key, form: form, state: &state)
        case .help:
            if ["esc", "?", "q", "enter"].contains(key) { state.ui.modal = nil }
            return []
        case .secretLink:
            if ["esc", "q", "enter", "space"].contains(key) { state.ui.modal = nil }
            return []
        case .picker(let picker): return pickerKey(key, picker: picker, state: &state)
        case .history(let history): return historyKey(key, history: history, state: &state)
        case .transactions(let list): return transactionsKey(key, list: list, state: &state)
        case .approvals(let list): return approvalsKey(key, list: list, state: &state)
        }
    }

    /// The menu entries for the current session (read-only drops the mutating ones).
    func menuEntries(_ state: ConsoleState) -> [KeyBinding] {
        let table = activeKeys(state)
        return KeyAction.menuOrder.compactMap { table.binding($0) }
    }

    /// The menu always opens on its first row, so the same keys always do the same thing.
    func firstEnabledMenuIndex(_ state: ConsoleState) -> Int { 0 }

    private func menuKey(_ key: String, selected: Int, state: inout ConsoleState) -> [Effect] {
        let entries = menuEntries(state)
        switch key {
        case "j", "down": state.ui.modal = .menu(selected: min(selected + 1, entries.count - 1))
        case "k", "up": state.ui.modal = .menu(selected: max(selected - 1, 0))
        case "g", "home": state.ui.modal = .menu(selected: 0)
        case "G", "end": state.ui.modal = .menu(selected: max(entries.count - 1, 0))
        case "esc", "q", "a": state.ui.modal = nil
        case "enter", "space":
            guard entries.indices.contains(selected) else { return [] }
            state.ui.modal = nil
            return perform(entries[selected].action, state: &state)
        default:
            guard let index = MenuLetters.assign(entries).firstIndex(of: key) else {
                state.ui.flash = Flash("No menu entry has the key \(HintPresenter.display(key))", .info)
                return []
            }
            state.ui.modal = nil
            return perform(entries[index].action, state: &state)
        }
        return []
    }

    /// Runs a confirmed command and closes the popup.
    func confirm(_ command: ConfirmedCommand, state: inout ConsoleState) -> [Effect] {
        state.ui.modal = nil
        if command == .quit {
            state.ui.exitRequested = true
            return []
        }
        if case .forgetCardholder(let userId) = command { return forgetCardholder(userId, state: &state) }
        if case .decideApproval(let id, let approve, let note) = command { return decide(id: id, approve: approve, note: note, state: &state) }
        guard let userId = state.data.cardholder?.userId else { return [] }
        let ids = Set(command.cardIds)
        for index in state.data.cards.indices where ids.contains(state.data.cards[index].cardId) {
            state.data.cards[index].pending.append(command.name)
        }
        state.data.changesInFlight += max(1, ids.count)
        state.ui.flash = Flash("\(command.name): sent…", .info)
        return [.run(userId: userId, command, ticket: state.data.cardholder?.ticket)]
    }

    /// Canceling a confirmation; canceling the quit question means "wait, then quit".
    func cancel(_ confirmation: Confirmation, state: inout ConsoleState) {
        state.ui.modal = nil
        if confirmation.command == .quit {
            state.ui.quitWhenIdle = true
            state.ui.flash = Flash("Waiting for \(state.data.changesInFlight) call(s) to finish, then quitting…", .info)
        } else if let form = confirmation.form {
            state.ui.modal = .form(form)
            state.ui.flash = Flash("Not sent; the form is as you left it", .info)
        } else if let list = confirmation.approvals {
            state.ui.modal = .approvals(list)
            state.ui.flash = Flash("Canceled", .info)
        } else {
            state.ui.flash = Flash("Canceled", .info)
        }
    }

    private func pickerKey(_ key: String, picker: PickerState, state: inout ConsoleState) -> [Effect] {
        var picker = picker
        let count = picker.results?.count ?? state.data.knownCardholders.count
        switch key {
        case "esc":
            state.ui.modal = nil
            return []
        case "down": picker.selected = min(picker.selected + 1, max(count - 1, 0))
        case "up": picker.selected = max(picker.selected - 1, 0)
        case "backspace":
            if !picker.input.isEmpty { picker.input.removeLast() }
            if picker.input.isEmpty { picker.clearSearch() }
        case "enter":
            return pickerEnter(picker, state: &state)
        case ConsoleReducer.pickerForgetKey where picker.input.isEmpty && picker.results == nil:
            // Only the known list: a search result may be a cardholder the index never kept.
            return askToForgetCardholder(at: picker.selected, state: &state)
        case "j" where picker.input.isEmpty: picker.selected = min(picker.selected + 1, max(count - 1, 0))
        case "k" where picker.input.isEmpty: picker.selected = max(picker.selected - 1, 0)
        case "q" where picker.input.isEmpty:
            if state.data.cardholder == nil { state.ui.exitRequested = true }
            state.ui.modal = nil
            return []
        default:
            guard let character = TextInput.character(for: key), picker.input.count < PickerState.maxInputLength else { return [] }
            picker.input.append(character)
            picker.error = nil
            // j/k move only in the known list; once text is typed they are letters.
            if picker.results != nil && picker.searched != picker.input { picker.selected = 0 }
        }
        state.ui.modal = .picker(picker)
        return []
    }
}
