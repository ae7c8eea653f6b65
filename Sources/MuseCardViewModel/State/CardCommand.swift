import MuseCardKit

/// A change to send to the service, fully validated, waiting for nothing but the call.
public enum CardCommand: Sendable, Equatable {
    case lock(cardId: String)
    case unlock(cardId: String)
    /// One confirmation, one lock per card.
    case lockAll(cardIds: [String])
    case activate(cardId: String)
    case activatePhysical(cardId: String)
    case updatePhone(cardId: String, areaCode: String, phone: String)
    case changeLimit(cardId: String, amount: DecimalAmount)
    case changePIN(cardId: String, pin: PIN)
    /// The runner picks the `request_id`, reusing a pending one for the same card.
    case replace(cardId: String, reason: String)
    case sensitiveInfo(cardId: String, ipAddress: String)
    case apply(ApplyParameters)

    /// The action name used in the audit trail and the session log.
    public var action: String {
        switch self {
        case .lock: return "lock"
        case .unlock: return "unlock"
        case .lockAll: return "lock-all"
        case .activate: return "activate"
        case .activatePhysical: return "activate-physical"
        case .updatePhone: return "update-phone"
        case .changeLimit: return "limit"
        case .changePIN: return "change-pin"
        case .replace: return "replace"
        case .sensitiveInfo: return "sensitive-info"
        case .apply: return "apply"
        }
    }

    /// The card the command is about, if one.
    public var cardId: String? {
        switch self {
        case .lock(let id), .unlock(let id), .activate(let id), .activatePhysical(let id): return id
        case .updatePhone(let id, _, _), .changeLimit(let id, _), .changePIN(let id, _),
             .replace(let id, _), .sensitiveInfo(let id, _): return id
        case .lockAll, .apply: return nil
        }
    }
}

/// What an application needs; the runner adds the `request_id`.
public struct ApplyParameters: Sendable, Equatable {
    public var productId: String
    public var level: String
    public var areaCode: String
    public var phone: String
    public var embossedName: String?

    public init(productId: String, level: String, areaCode: String, phone: String, embossedName: String?) {
        self.productId = productId
        self.level = level
        self.areaCode = areaCode
        self.phone = phone
        self.embossedName = embossedName
    }
}

/// What a finished command reports back.
public enum CommandOutcome: Sendable, Equatable {
    /// The card's status after the call, when the answer said.
    case status(cardId: String, CardStatus?)
    case done(cardId: String)
    case replaced(oldCardId: String, newCardId: String, newStatus: CardStatus?, requestId: String)
    case applied(requestId: String, receipt: ApplyReceipt)
    /// The one-time URL: shown once in the flash line, never logged or stored.
    case sensitiveLink(cardId: String, url: SecretURL, expiry: String?)
}
