import MuseCardKit

/// What the service answered to an applied operation.
public enum OperationAnswer: Sendable, Equatable {
    /// Lock, unlock, activations: the card's status after the call, when the answer said.
    case status(CardStatus?)
    /// Phone, limit, PIN: done, no data.
    case done
    case replaced(newCardId: String, newStatus: CardStatus?)
    case applied(ApplyReceipt)
    /// The one-time URL: shown once, never logged, stored or audited.
    case sensitiveLink(url: SecretURL, expiry: String?)

    /// What the audit result keeps of the answer: never the link.
    var auditValues: [String: String] {
        var values: [String: String] = [:]
        switch self {
        case .status(let status): values["status"] = status?.rawValue
        case .done: break
        case .replaced(let card, let status):
            values["new_card_id"] = card
            values["new_status"] = status?.rawValue
        case .applied(let receipt):
            values["apply_id"] = receipt.applyId
            values["apply_status"] = receipt.applyStatus?.rawValue
        case .sensitiveLink(_, let expiry): values["expiry"] = expiry
        }
        return values
    }
}
