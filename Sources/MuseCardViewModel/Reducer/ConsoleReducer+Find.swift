import MuseCardKit
import MuseCardOperations

extension ConsoleReducer {
    /// Enter in the picker: open the chosen known cardholder, search for typed text, or open
    /// the chosen result of the search for exactly this text.
    func pickerEnter(_ picker: PickerState, state: inout ConsoleState) -> [Effect] {
        var picker = picker
        let ticket = state.data.sessionTicket
        if picker.input.isEmpty {
            let entries = state.data.knownCardholders
            guard entries.indices.contains(picker.selected) else { return [] }
            let entry = entries[picker.selected]
            return open(userId: entry.userId, label: entry.label, ticket: ticket, state: &state)
        }
        // One search at a time for the same text.
        if picker.isSearching && picker.searched == picker.input { return [] }
        if let results = picker.results, picker.searched == picker.input, !picker.isSearching {
            if results.indices.contains(picker.selected) {
                let match = results[picker.selected]
                return open(userId: match.userId, label: match.name, ticket: ticket, state: &state)
            }
            // Nothing known by that text: a well-formed user id may still be opened as typed.
            guard CardholderQuery.isIdentifier(picker.input) else {
                picker.error = Self.notAnIdentifier(picker.input)
                state.ui.modal = .picker(picker)
                return []
            }
            return open(userId: picker.input, label: nil, ticket: ticket, state: &state)
        }
        picker.isSearching = true
        picker.searched = picker.input
        picker.error = nil
        state.ui.modal = .picker(picker)
        return [.findCardholders(text: picker.input)]
    }

    /// A search's answer, if the picker still waits for that text.
    func cardholdersFound(text: String, matches: [CardholderMatch], error: String?, state: inout ConsoleState) {
        guard case .picker(var picker)? = state.ui.modal, picker.searched == text, picker.isSearching else { return }
        picker.isSearching = false
        picker.results = matches
        picker.selected = 0
        if let error { picker.error = "MusePay could not be asked (\(ServiceText.sanitize(error))); the index answered" }
        else if matches.isEmpty && !CardholderQuery.isIdentifier(text) { picker.error = Self.notAnIdentifier(text) }
        state.ui.modal = .picker(picker)
    }

    /// The rule a typed user id breaks.
    static func notAnIdentifier(_ text: String) -> String {
        "No cardholder found for \"\(ServiceText.sanitize(text))\", and it is not a user id (1–64 letters, digits, - or _)"
    }
}

extension PickerState {
    /// Back to the known list.
    mutating func clearSearch() {
        results = nil
        searched = nil
        isSearching = false
        selected = 0
    }
}
