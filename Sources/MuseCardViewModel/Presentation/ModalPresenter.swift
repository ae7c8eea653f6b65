import MuseCardKit
import Foundation

/// Popups as plain data: menu items with reasons, masked form values, help from the key table.
enum ModalPresenter {
    static func modal(_ state: ConsoleState, reducer: ConsoleReducer, now: Date) -> ModalModel? {
        guard let modal = state.ui.modal else { return nil }
        switch modal {
        case .menu(let selected):
            let card = ActionAvailability.selectedCard(state)
            let entries = reducer.menuEntries(state)
            let letters = MenuLetters.assign(entries)
            let marked = !state.ui.marked.isEmpty
            let items = zip(entries, letters).map { binding, letter in
                let reason = ActionAvailability.whyNot(binding.action, in: state)
                return MenuModel.Item(key: letter, label: (marked ? binding.onMarked : nil) ?? binding.label,
                                      isEnabled: reason == nil, reason: reason.map(menuReason), isDangerous: binding.isDangerous)
            }
            let status = card?.record.map { " (\(ServiceText.sanitize($0.status.rawValue)))" } ?? ""
            let marks = marked ? " · \(state.ui.marked.count) marked" : ""
            return .menu(MenuModel(title: (card.map { "Actions — \(ServiceText.sanitize($0.cardId))\(status)" } ?? "Actions") + marks,
                                   items: items, selected: selected))
        case .confirm(let c):
            return .confirm(ConfirmModel(title: c.title, message: c.message.map(ServiceText.sanitize), confirmLabel: c.confirmLabel,
                                         cancelLabel: c.cancelLabel, confirmFocused: c.confirmFocused, isDangerous: true))
        case .form(let form):
            let fields = form.fields.map { f in
                FormModel.Field(label: f.label, value: f.isSecret ? String(repeating: "•", count: f.value.count) : ServiceText.sanitize(f.value),
                                hint: f.currentHint, error: f.error, choices: f.choices)
            }
            return .form(FormModel(title: ServiceText.sanitize(FormCatalog.title(form.kind)), fields: fields, focused: form.focused,
                                   submitLabel: FormCatalog.submitLabel(form.kind), error: form.error.map(ServiceText.sanitize),
                                   intro: form.intro.map(ServiceText.sanitize)))
        case .help:
            return .help(help(reducer.activeKeys(state)))
        case .picker(let picker):
            if picker.results != nil || picker.isSearching { return .picker(FindPresenter.picker(picker)) }
            let entries = state.data.knownCardholders.map { known in
                PickerModel.Entry(userId: ServiceText.sanitize(known.userId), label: ServiceText.sanitize(known.label ?? ""),
                                  detail: "\(known.cardCount) card\(known.cardCount == 1 ? "" : "s")")
            }
            let placeholder = !entries.isEmpty ? nil
                : picker.isLoading ? "Loading known cardholders…" : "No cardholders yet: type a user id, xid, phone, email or name."
            return .picker(PickerModel(title: "Open a cardholder", entries: entries, selected: picker.selected,
                                       input: ServiceText.sanitize(picker.input), error: picker.error, placeholder: placeholder))
        case .history(let history):
            return .table(HistoryPresenter.table(history, now: now))
        case .approvals(let list):
            return .approvals(ApprovalsPresenter.model(list, state: state, keys: reducer.activeKeys(state), now: now))
        case .transactions(let list):
            if let index = list.detail, list.transactions.indices.contains(index) {
                let detail = TransactionPresenter.detail(list.transactions[index])
                return .summary(title: detail.title, lines: detail.lines)
            }
            return .table(TransactionPresenter.table(list, keys: reducer.keys))
        case .secretLink(let cardId, let url, let expiry):
            // The answer's expiry is the card's (YYYY-MM-DD), not the link's: labelled as such.
            return .cardData(title: "One-time card data link — \(ServiceText.sanitize(cardId))", link: ServiceText.sanitize(url.reveal()),
                             lines: ["The link below opens once, for a short while, only from the cardholder's device.",
                                     "Card expiry date (of the card, not the link): \(ServiceText.sanitize(expiry ?? "not given"))",
                                     "It is shown once and never stored; y copies it."])
        }
    }

    /// A reason as the menu shows it: the title already names the card and its status, so
    /// `card is LOCK; lock needs ACTIVE` becomes `needs ACTIVE` and fits an 80-column popup.
    static func menuReason(_ reason: String) -> String {
        guard reason.hasPrefix("card is "), let needs = reason.range(of: " needs ") else { return reason }
        return "needs " + reason[needs.upperBound...]
    }

    /// Every key of the table by section, plus the popup keys.
    static func help(_ keys: KeyTable) -> HelpModel {
        var sections = KeyBinding.Section.allCases.map { section in
            HelpModel.Section(title: section.rawValue, entries: keys.bindings.filter { $0.section == section }.map {
                KeyHintModel(key: $0.keys.isEmpty ? "menu" : $0.keys.map(HintPresenter.display).joined(separator: " "), label: $0.label)
            })
        }
        sections.append(HelpModel.Section(title: "Popups", entries: [
            KeyHintModel(key: "y / n", label: "confirm / cancel"), KeyHintModel(key: "esc", label: "close"),
            KeyHintModel(key: "tab", label: "next field"), KeyHintModel(key: "⏎", label: "submit / run"),
        ]))
        return HelpModel(sections: sections)
    }
}
