/// `/v1/card/update-phone`: change the card's phone.
public struct UpdatePhoneRequest: MusePayRequest {
    public typealias Response = PhoneUpdate
    public static let path = "/v1/card/update-phone"
    public var userId: String
    public var cardId: String
    public var phoneAreaCode: String
    public var phoneNumber: String

    public init(userId: String, cardId: String, phoneAreaCode: String, phoneNumber: String) {
        self.userId = userId
        self.cardId = cardId
        self.phoneAreaCode = phoneAreaCode
        self.phoneNumber = phoneNumber
    }

    public func validate() throws(MusePayError) {
        try FieldRules.id(userId, field: "user_id")
        try FieldRules.id(cardId, field: "card_id")
        try FieldRules.areaCode(phoneAreaCode)
        try FieldRules.phone(phoneNumber)
    }

    public func fields(context: RequestContext) -> [String: JSONValue] {
        ["user_id": .string(userId), "card_id": .string(cardId),
         "phone_area_code": .string(phoneAreaCode), "phone_number": .string(phoneNumber)]
    }

    public var auditParameters: [String: String] {
        ["phone": AuditMask.phone(areaCode: phoneAreaCode, number: phoneNumber)]
    }

    public func check(_ response: PhoneUpdate) throws(MusePayError) {
        try AnswerCheck.card(userId: userId, cardId: cardId, answer: response)
    }
}

/// `/v1/card/limitChange`: set the daily purchase limit (a decimal number in the body).
public struct LimitChangeRequest: MusePayRequest {
    public typealias Response = NoData
    public static let path = "/v1/card/limitChange"
    public var userId: String
    public var cardId: String
    public var dailyPurchaseLimit: DecimalAmount

    public init(userId: String, cardId: String, dailyPurchaseLimit: DecimalAmount) {
        self.userId = userId
        self.cardId = cardId
        self.dailyPurchaseLimit = dailyPurchaseLimit
    }

    public func validate() throws(MusePayError) {
        try FieldRules.id(userId, field: "user_id")
        try FieldRules.id(cardId, field: "card_id")
    }

    public func fields(context: RequestContext) -> [String: JSONValue] {
        ["user_id": .string(userId), "card_id": .string(cardId),
         "daily_purchase_limit": .number(dailyPurchaseLimit.text)]
    }

    public var auditParameters: [String: String] { ["daily_purchase_limit": dailyPurchaseLimit.text] }
}

/// `/v1/card/change-pin`: set a new PIN, encrypted with the platform public key at send time.
public struct ChangePINRequest: MusePayRequest {
    public typealias Response = NoData
    public static let path = "/v1/card/change-pin"
    public var userId: String
    public var cardId: String
    public var pin: PIN

    public init(userId: String, cardId: String, pin: PIN) {
        self.userId = userId
        self.cardId = cardId
        self.pin = pin
    }

    public func validate() throws(MusePayError) {
        try FieldRules.id(userId, field: "user_id")
        try FieldRules.id(cardId, field: "card_id")
    }

    public func fields(context: RequestContext) throws(MusePayError) -> [String: JSONValue] {
        guard let cipher = context.pinCipher else {
            throw .configuration("changing a PIN needs the platform public key (MUSECARD_PLATFORM_PUBLIC_KEY)")
        }
        return ["user_id": .string(userId), "card_id": .string(cardId), "card_pin": .string(try cipher.encrypt(pin))]
    }

    public var auditParameters: [String: String] { ["card_pin": "[redacted]"] }
}

/// `/v1/card/card-sensitive-info`: a one-time URL revealing PAN, expiry and CVV.
public struct SensitiveInfoRequest: MusePayRequest {
    public typealias Response = SensitiveInfoLink
    public static let path = "/v1/card/card-sensitive-info"
    public var userId: String
    public var cardId: String
    public var ipAddress: String

    public init(userId: String, cardId: String, ipAddress: String) {
        self.userId = userId
        self.cardId = cardId
        self.ipAddress = ipAddress
    }

    public func validate() throws(MusePayError) {
        try FieldRules.id(userId, field: "user_id")
        try FieldRules.id(cardId, field: "card_id")
        try FieldRules.ipAddress(ipAddress)
    }

    public func fields(context: RequestContext) -> [String: JSONValue] {
        ["user_id": .string(userId), "card_id": .string(cardId), "ip_address": .string(ipAddress)]
    }

    public var auditParameters: [String: String] { ["ip_address": ipAddress] }
}
