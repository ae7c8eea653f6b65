import MuseCardKit
import MuseCardStore

/// A change to one card (or, for apply, to a cardholder), validated by the layer before it is sent.
public enum CardOperation: Sendable, Equatable {
    /// The reason is recorded by the layer (the service takes none).
    case lock(cardId: String, reason: LockReason? = nil)
    /// `check` proves a second look at a sensitive unlock: a team approval, or the card's last four digits.
    case unlock(cardId: String, check: UnlockCheck? = nil)
    case activate(cardId: String)
    case activatePhysical(cardId: String)
    case updatePhone(cardId: String, areaCode: String, phone: String)
    case changeLimit(cardId: String, amount: DecimalAmount)
    case changePIN(cardId: String, pin: PIN)
    /// The layer picks the `request_id`, re-using a pending one for the same card.
    case replace(cardId: String, reason: String)
    case sensitiveInfo(cardId: String, ipAddress: String)
    /// The layer picks the `request_id`, re-using a pending one for the same product.
    case apply(ApplyParameters)
    /// Answers a transaction verification; the token is sent, never recorded.
    case txnVerify(cardId: String, requestId: String, token: String, confirm: Bool)

    /// The operation's name in the one vocabulary.
    public var name: OperationName {
        switch self {
        case .lock: return .lock
        case .unlock: return .unlock
        case .activate: return .activate
        case .activatePhysical: return .activatePhysical
        case .updatePhone: return .updatePhone
        case .changeLimit: return .changeLimit
        case .changePIN: return .changePIN
        case .replace: return .replace
        case .sensitiveInfo: return .sensitiveInfo
        case .apply: return .apply
        case .txnVerify: return .txnVerify
        }
    }

    /// The card the operation is about (for replace: the original card), if one.
    public var cardId: String? {
        switch self {
        case .lock(let id, _), .unlock(let id, _), .activate(let id), .activatePhysical(let id): return id
        case .updatePhone(let id, _, _), .changeLimit(let id, _), .changePIN(let id, _),
             .replace(let id, _), .sensitiveInfo(let id, _), .txnVerify(let id, _, _, _): return id
        case .apply: return nil
        }
    }

    /// Whether this pending journal entry is the same request (same card, or same product).
    func matches(_ entry: JournalEntry) -> Bool {
        guard entry.kind == name else { return false }
        switch self {
        case .replace(let cardId, _): return entry.cardId == cardId
        case .apply(let parameters): return entry.parameters["card_product_id"] == parameters.productId
        default: return false
        }
    }
}

/// What an application needs; the layer adds the `request_id`.
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

    /// The values a journal entry keeps to re-send the same application (no secrets among them).
    var journalParameters: [String: String] {
        var stored = ["card_product_id": productId, "card_level": level, "phone_area_code": areaCode, "phone_number": phone]
        stored["embossed_name"] = embossedName
        return stored
    }

    /// The parameters of a pending entry, to resume it as it was first sent.
    init?(journal parameters: [String: String]) {
        guard let product = parameters["card_product_id"], let level = parameters["card_level"],
              let area = parameters["phone_area_code"], let phone = parameters["phone_number"] else { return nil }
        self.init(productId: product, level: level, areaCode: area, phone: phone, embossedName: parameters["embossed_name"])
    }
}

extension CardOperation {
    /// The non-secret values of the operation as the audit keeps them (phone masked, never a PIN).
    public var auditParameters: [String: String] {
        PreparedCall.make(self, userId: "", requestId: nil).auditParameters
    }
}
