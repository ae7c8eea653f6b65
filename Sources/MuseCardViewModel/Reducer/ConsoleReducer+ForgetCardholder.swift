import MuseCardKit
import MuseCardOperations

/// Forgetting a cardholder remembered by mistake: local index only, always behind a Cancel-first question.
extension ConsoleReducer {
    /// The picker's own key for forgetting the highlighted known cardholder (the picker reads keys
    /// itself, like `j`/`k` on an empty input; the main key table does not reach inside popups).
    static let pickerForgetKey = "delete"

    /// Asks to forget the known cardholder at `index` of the picker's list.
    func askToForgetCardholder(at index: Int, state: inout ConsoleState) -> [Effect] {
        let known = state.data.knownCardholders
        guard known.indices.contains(index) else { return [] }
        state.ui.modal = .confirm(Self.forgetQuestion(known[index]))
        return []
    }

    /// `:forget U1`: asks to forget a known cardholder by user id.
    func askToForgetCardholder(_ userId: String, state: inout ConsoleState) -> [Effect] {
        guard CardholderQuery.isIdentifier(userId) else {
            state.ui.flash = Flash(":forget needs a user id (1–64 letters, digits, - or _)", .error)
            return []
        }
        guard let entry = state.data.knownCardholders.first(where: { $0.userId == userId }) else {
            state.ui.flash = Flash("No known cardholder \(userId) to forget", .error)
            return []
        }
        state.ui.modal = .confirm(Self.forgetQuestion(entry))
        return []
    }

    /// Runs a confirmed forget: gone from the list at once, then from the cache; the picker shows what remains.
    func forgetCardholder(_ userId: String, state: inout ConsoleState) -> [Effect] {
        state.data.knownCardholders.removeAll { $0.userId == userId }
        var picker = PickerState()
        picker.isLoading = false
        picker.selected = 0
        state.ui.modal = .picker(picker)
        state.ui.flash = Flash("Forgot cardholder \(userId) locally (the service is unchanged)", .info)
        return [.forgetCardholder(userId: userId)]
    }

    private static func forgetQuestion(_ entry: KnownCardholder) -> Confirmation {
        let who = entry.label.map { "\(ServiceText.sanitize($0)) (\(entry.userId))" } ?? entry.userId
        let cards = entry.cardCount == 1 ? "1 known card" : "\(entry.cardCount) known cards"
        return Confirmation(title: "Forget cardholder?",
                            message: ["Forget \(who) and \(cards) on this machine?",
                                      "Only the local list changes: nothing is sent to MusePay."],
                            confirmLabel: "Forget", command: .forgetCardholder(userId: entry.userId))
    }
}
