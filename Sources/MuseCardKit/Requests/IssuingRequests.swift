/// `/v1/card/apply`: issue a card; the `request_id` makes a re-send the same application.
public struct ApplyCardRequest: MusePayRequest {
    public typealias Response = ApplyReceipt
    public static let path = "/v1/card/apply"
    public static var isRetrySafe: Bool { true }
    public var userId: String
    public var requestId: String
    public var cardProductId: String
    public var cardLevel: String
    public var phoneAreaCode: String
    public var phoneNumber: String
    public var embossedName: String?

    public init(userId: String, requestId: String, cardProductId: String, cardLevel: String,
                phoneAreaCode: String, phoneNumber: String, embossedName: String? = nil) {
        self.userId = userId
        self.requestId = requestId
        self.cardProductId = cardProductId
        self.cardLevel = cardLevel
        self.phoneAreaCode = phoneAreaCode
        self.phoneNumber = phoneNumber
        self.embossedName = embossedName
    }

    public func validate() throws(MusePayError) {
        try FieldRules.id(userId, field: "user_id")
        try FieldRules.id(requestId, field: "request_id")
        try FieldRules.id(cardProductId, field: "card_product_id")
        try FieldRules.id(cardLevel, field: "card_level")
        try FieldRules.areaCode(phoneAreaCode)
        try FieldRules.phone(phoneNumber)
        if let embossedName, !embossedName.isEmpty { try FieldRules.printable(embossedName, field: "embossed_name", max: 64) }
    }

    public func fields(context: RequestContext) -> [String: JSONValue] {
        var out: [String: JSONValue] = [
            "user_id": .string(userId), "request_id": .string(requestId),
            "card_product_id": .string(cardProductId), "card_level": .string(cardLevel),
            "phone_area_code": .string(phoneAreaCode), "phone_number": .string(phoneNumber),
        ]
        if let embossedName, !embossedName.isEmpty { out["embossed_name"] = .string(embossedName) }
        return out
    }

    public var auditParameters: [String: String] {
        ["card_product_id": cardProductId, "card_level": cardLevel, "phone": AuditMask.phone(areaCode: phoneAreaCode, number: phoneNumber)]
    }

    public func check(_ response: ApplyReceipt) throws(MusePayError) {
        try AnswerCheck.same("request", asked: requestId, answered: response.requestId)
    }
}

/// `/v1/card/apply-result`: where an application stands.
public struct ApplyResultRequest: MusePayRequest {
    public typealias Response = ApplyResult
    public static let path = "/v1/card/apply-result"
    public static var isRetrySafe: Bool { true }
    public var userId: String
    public var requestId: String
    public var applyId: String?

    public init(userId: String, requestId: String, applyId: String? = nil) {
        self.userId = userId
        self.requestId = requestId
        self.applyId = applyId
    }

    public func validate() throws(MusePayError) {
        try FieldRules.id(userId, field: "user_id")
        try FieldRules.id(requestId, field: "request_id")
        if let applyId, !applyId.isEmpty { try FieldRules.id(applyId, field: "apply_id") }
    }

    public func fields(context: RequestContext) -> [String: JSONValue] {
        var out: [String: JSONValue] = ["user_id": .string(userId), "request_id": .string(requestId)]
        if let applyId, !applyId.isEmpty { out["apply_id"] = .string(applyId) }
        return out
    }

    public var auditParameters: [String: String] { [:] }

    public func check(_ response: ApplyResult) throws(MusePayError) {
        try AnswerCheck.same("user", asked: userId, answered: response.userId)
        try AnswerCheck.same("request", asked: requestId, answered: response.requestId)
        if let applyId, !applyId.isEmpty { try AnswerCheck.same("application", asked: applyId, answered: response.applyId) }
    }
}

/// `/v1/card/replace`: cancel a card and issue a new one of the same product.
public struct ReplaceCardRequest: MusePayRequest {
    public typealias Response = CardStatusChange
    public static let path = "/v1/card/replace"
    public static var isRetrySafe: Bool { true }
    public var userId: String
    public var originalCardId: String
    public var replaceReason: String
    public var requestId: String

    public init(userId: String, originalCardId: String, replaceReason: String, requestId: String) {
        self.userId = userId
        self.originalCardId = originalCardId
        self.replaceReason = replaceReason
        self.requestId = requestId
    }

    public func validate() throws(MusePayError) {
        try FieldRules.id(userId, field: "user_id")
        try FieldRules.id(originalCardId, field: "original_card_id")
        try FieldRules.replaceReason(replaceReason)
        try FieldRules.id(requestId, field: "request_id")
    }

    public func fields(context: RequestContext) -> [String: JSONValue] {
        ["user_id": .string(userId), "original_card_id": .string(originalCardId),
         "replace_reason": .string(replaceReason), "request_id": .string(requestId)]
    }

    public var auditParameters: [String: String] { ["replace_reason": replaceReason] }

    /// The answer names the new card, so only the cardholder can be compared.
    public func check(_ response: CardStatusChange) throws(MusePayError) {
        try AnswerCheck.same("user", asked: userId, answered: response.userId)
    }
}
