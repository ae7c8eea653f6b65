import MuseCardKit

/// The wording of confirmations: what will happen, to which card, in plain words.
enum Confirmations {
    static func single(_ action: KeyAction, card: CardEntry) -> Confirmation {
        let name = describe(card)
        switch action {
        case .lock:
            return Confirmation(title: "Lock card?", message: ["Lock \(name)?", "The cardholder cannot pay with it until it is unlocked."],
                                confirmLabel: "Lock", command: .lock(cardId: card.cardId))
        case .unlock:
            return Confirmation(title: "Unlock card?", message: ["Unlock \(name)?", "The card can be used for payments again."],
                                confirmLabel: "Unlock", command: .unlock(cardId: card.cardId))
        case .activatePhysical:
            return Confirmation(title: "Activate physical card?", message: ["Activate the delivered card \(name)?"],
                                confirmLabel: "Activate", command: .activatePhysical(cardId: card.cardId))
        default:
            return Confirmation(title: "Activate card?", message: ["Activate \(name)?"],
                                confirmLabel: "Activate", command: .activate(cardId: card.cardId))
        }
    }

    static func lockAll(_ cardIds: [String], state: ConsoleState) -> Confirmation {
        let who = state.data.cardholder.map { $0.label.map { "\($0) (\(state.data.cardholder?.userId ?? ""))" } ?? $0.userId } ?? ""
        let noun = cardIds.count == 1 ? "card" : "cards"
        return Confirmation(title: "Lock every active card?",
                            message: ["Lock \(cardIds.count) active \(noun) of \(ServiceText.sanitize(who))?"] + cardIds.prefix(6).map { "  \($0)" }
                                + (cardIds.count > 6 ? ["  … and \(cardIds.count - 6) more"] : []),
                            confirmLabel: "Lock \(cardIds.count) \(noun)", command: .lockAll(cardIds: cardIds))
    }

    /// A confirmation for a command that came out of a form (replace, PIN, card data link).
    static func afterForm(_ command: CardCommand, card: CardEntry?) -> Confirmation? {
        let name = card.map(describe) ?? command.cardId ?? ""
        switch command {
        case .replace(_, let reason):
            return Confirmation(title: "Replace card?",
                                message: ["Replace \(name)?", "Reason: \(reason)", "The card is canceled for good and a new one is issued."],
                                confirmLabel: "Replace", command: command)
        case .changePIN:
            return Confirmation(title: "Change PIN?", message: ["Set a new PIN on \(name)?"], confirmLabel: "Change PIN", command: command)
        case .sensitiveInfo(_, let ip):
            return Confirmation(title: "Reveal card data?",
                                message: ["Create a one-time link to the number, expiry and CVV of \(name)?", "Only usable from \(ip)."],
                                confirmLabel: "Create link", command: command)
        default:
            return nil
        }
    }

    static func describe(_ card: CardEntry) -> String {
        var text = "card \(card.cardId)"
        if let last4 = card.record?.last4 { text += " ••••\(ServiceText.sanitize(last4))" }
        if let name = card.record?.embossedName { text += " (\(ServiceText.sanitize(name).trimmingCharacters(in: .whitespaces)))" }
        return text
    }
}

import Foundation
