import MuseCardKit

extension ConsoleReducer {
    /// `y` on the main screen: the selected card's id.
    func copySelectedCard(_ card: CardEntry) -> [Effect] {
        [.copy(.plain(card.cardId), what: "card id \(ServiceText.sanitize(card.cardId))")]
    }

    /// `y` in a popup: what it shows that a ticket needs, if anything.
    func copyInPopup(_ modal: Modal, state: inout ConsoleState) -> [Effect] {
        switch modal {
        case .secretLink(let cardId, let url, _):
            // The flash names the link, never its value.
            return [.copy(.secret(url), what: "the one-time card data link of \(ServiceText.sanitize(cardId))")]
        case .history(let history):
            guard history.operations.indices.contains(history.selected) else { break }
            let operation = history.operations[history.selected]
            if let id = operation.first.requestId ?? operation.result?.requestId {
                return [.copy(.plain(id), what: "request id \(ServiceText.sanitize(id))")]
            }
            state.ui.flash = Flash("Nothing to copy: this operation has no request id", .info)
            return []
        case .transactions(let list):
            guard list.transactions.indices.contains(list.detail ?? list.selected), let id = list.transactions[list.detail ?? list.selected].detailId else { break }
            return [.copy(.plain(id), what: "transaction id \(ServiceText.sanitize(id))")]
        default: break
        }
        state.ui.flash = Flash("Nothing to copy here", .info)
        return []
    }

    /// The clipboard's answer: what was copied, or why not.
    func copied(what: String, error: String?, state: inout ConsoleState) {
        if let error {
            state.ui.flash = Flash("Could not copy \(what): \(ServiceText.sanitize(error))", .error)
        } else {
            state.ui.flash = Flash("Copied \(what) to the clipboard", .success)
        }
    }
}
