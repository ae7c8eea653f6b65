/// A status change answer: activate, lock, unlock, activate-physical and replace.
public struct CardStatusChange: ResponseData, Hashable {
    public var userId: String?
    public var cardId: String
    public var status: CardStatus?

    public init(userId: String?, cardId: String, status: CardStatus?) {
        self.userId = userId
        self.cardId = cardId
        self.status = status
    }

    public init(data: JSONValue?) throws(MusePayError) {
        let f = JSONFields(data)
        userId = f.string("user_id")
        cardId = try f.required("card_id")
        status = f.string("card_status").map(CardStatus.init(rawValue:))
    }

    public var json: JSONValue {
        var b = JSONObjectBuilder()
        b.set("user_id", userId)
        b.set("card_id", cardId)
        b.set("card_status", status?.rawValue)
        return b.object
    }
}

/// The answer to a phone update.
public struct PhoneUpdate: ResponseData, Hashable {
    public var userId: String?
    public var cardId: String?
    public var status: String?

    public init(data: JSONValue?) {
        let f = JSONFields(data)
        userId = f.string("user_id")
        cardId = f.string("card_id")
        status = f.string("status")
    }

    public var json: JSONValue {
        var b = JSONObjectBuilder()
        b.set("user_id", userId)
        b.set("card_id", cardId)
        b.set("status", status)
        return b.object
    }
}

/// A one-time link to the card's PAN, expiry and CVV; the URL is secret.
public struct SensitiveInfoLink: ResponseData, Equatable {
    public var url: SecretURL
    /// Expiry date as the service sends it (YYYY-MM-DD).
    public var expiry: String?

    public init(data: JSONValue?) throws(MusePayError) {
        let f = JSONFields(data)
        url = SecretURL(try f.required("url"))
        expiry = f.string("expiry")
    }

    /// Holds the URL itself: print it only where the user asked to see it.
    public var json: JSONValue {
        var b = JSONObjectBuilder()
        b.set("url", url.reveal())
        b.set("expiry", expiry)
        return b.object
    }
}

/// How this partner's cards change PIN: by a hosted `URL` page or by the `API`.
public struct ChangePINModel: ResponseData, Equatable {
    public var model: String?
    let raw: JSONValue

    public init(data: JSONValue?) {
        let f = JSONFields(data)
        model = ["change_pin_model", "model", "pin_model", "type"].lazy.compactMap(f.string).first ?? data?.scalarText
        raw = data ?? .object([:])
    }

    public var json: JSONValue { raw }
}
