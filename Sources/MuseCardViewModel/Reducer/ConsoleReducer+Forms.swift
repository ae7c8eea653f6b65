import MuseCardKit
import MuseCardOperations

extension ConsoleReducer {
    /// Keys in a form: typing, moving between fields, choosing, submitting, canceling.
    func formKey(_ key: String, form: FormState, state: inout ConsoleState) -> [Effect] {
        var form = form
        let count = form.fields.count
        switch key {
        case "esc":
            // A denial is written from the approvals list: back to it.
            if case .denyApproval = form.kind {
                state.ui.flash = Flash("Canceled", .info)
                return openApprovals(state: &state)
            }
            state.ui.modal = nil
            state.ui.flash = Flash("Canceled", .info)
            return []
        case "tab", "down": form.focused = (form.focused + 1) % count
        case "backtab", "up": form.focused = (form.focused + count - 1) % count
        case "left", "right":
            let field = form.fields[form.focused]
            let values = field.choices.isEmpty ? field.suggestions : field.choices
            guard !values.isEmpty else { break }
            let step = key == "right" ? 1 : values.count - 1
            let next = values.firstIndex(of: field.value).map { ($0 + step) % values.count } ?? (key == "right" ? 0 : values.count - 1)
            form.fields[form.focused].value = values[next]
            form.fields[form.focused].error = nil
        case "backspace":
            if form.fields[form.focused].choices.isEmpty, !form.fields[form.focused].value.isEmpty {
                form.fields[form.focused].value.removeLast()
                form.fields[form.focused].error = nil
            }
        case "ctrl-u":
            if form.fields[form.focused].choices.isEmpty {
                form.fields[form.focused].value = ""
                form.fields[form.focused].error = nil
            }
        case "enter":
            return submit(form, state: &state)
        default:
            let field = form.fields[form.focused]
            guard field.choices.isEmpty, let character = TextInput.character(for: key) else { break }
            guard field.value.count < field.maxLength else {
                form.fields[form.focused].error = Self.tooLong(field)
                break
            }
            form.fields[form.focused].value.append(character)
            form.fields[form.focused].error = nil
        }
        state.ui.modal = .form(form)
        return []
    }

    /// What a field says when more is typed or pasted than it takes: nothing is cut silently.
    static func tooLong(_ field: FormField) -> String {
        "takes at most \(field.maxLength) characters; the rest was not taken"
    }

    private func submit(_ form: FormState, state: inout ConsoleState) -> [Effect] {
        switch FormSubmission.submit(form) {
        case .invalid(let checked):
            state.ui.modal = .form(checked)
            return []
        case .valid(.openCardholder(let userId, let ticket)):
            let label = state.data.knownCardholders.first { $0.userId == userId }?.label
            return open(userId: userId, label: label, ticket: ticket ?? state.data.sessionTicket, state: &state)
        case .valid(.addCard(let cardId)):
            state.ui.modal = nil
            guard let userId = state.data.cardholder?.userId else { return [] }
            if state.data.card(cardId) != nil {
                state.ui.selectedCardId = cardId
                Navigation.keepSelectionVisible(&state)
                state.ui.flash = Flash("Card \(cardId) is already in the list", .info)
                return []
            }
            return [.addCard(userId: userId, cardId: cardId)]
        case .valid(.lockMany(let bulk)):
            var confirmation = Confirmations.bulk(bulk, state: state)
            confirmation.form = form
            state.ui.modal = .confirm(confirmation)
            return []
        case .valid(.unlockLastFour(let cardId, let typed)):
            // The form is the confirmation: nothing is sent until the digits are the card's.
            guard UnlockGuard.matches(typed, cardId: cardId, record: state.data.card(cardId)?.record) else {
                var wrong = form
                wrong.setError("last4", "does not match the card's last four digits")
                wrong.focused = wrong.fields.firstIndex { $0.name == "last4" } ?? 0
                state.ui.modal = .form(wrong)
                return []
            }
            state.ui.sentForm = form
            return confirm(.operation(.unlock(cardId: cardId, check: .lastFour(typed))), state: &state)
        case .valid(.requestApproval(let cardId, let note)):
            state.ui.modal = nil
            guard let userId = state.data.cardholder?.userId else { return [] }
            state.ui.sentForm = form
            state.ui.flash = Flash("Asking for a second person's approval to unlock \(cardId)…", .info)
            return [.requestApproval(userId: userId, cardId: cardId, note: note)]
        case .valid(.denyApproval(let id, let note)):
            return denySubmitted(id: id, note: note, form: form, state: &state)
        case .valid(.command(let operation)):
            let card = operation.cardId.flatMap { state.data.card($0) }
            state.ui.sentForm = form
            if var confirmation = Confirmations.afterForm(operation, card: card) {
                confirmation.form = form
                state.ui.modal = .confirm(confirmation)
                return []
            }
            return confirm(.operation(operation), state: &state)
        }
    }
}
