/// `/v1/card/txn-verification-confirm` or `-decline`: answer a transaction check.
public struct TxnVerificationRequest: MusePayRequest {
    public typealias Response = RawData
    public static let path = "/v1/card/txn-verification-confirm"
    public var userId: String
    public var requestId: String
    public var cardId: String
    public var token: String

    public init(userId: String, requestId: String, cardId: String, token: String) {
        self.userId = userId
        self.requestId = requestId
        self.cardId = cardId
        self.token = token
    }

    public func validate() throws(MusePayError) {
        try FieldRules.id(userId, field: "user_id")
        try FieldRules.id(requestId, field: "request_id")
        try FieldRules.id(cardId, field: "card_id")
        try FieldRules.printable(token, field: "token", max: 512)
    }

    public func fields(context: RequestContext) -> [String: JSONValue] {
        ["user_id": .string(userId), "request_id": .string(requestId), "card_id": .string(cardId), "token": .string(token)]
    }

    public var auditParameters: [String: String] { [:] }
}

/// `/v1/card/txn-verification-decline`: the same fields as confirm, the opposite answer.
public struct TxnVerificationDeclineRequest: MusePayRequest {
    public typealias Response = RawData
    public static let path = "/v1/card/txn-verification-decline"
    public var verification: TxnVerificationRequest

    public init(userId: String, requestId: String, cardId: String, token: String) {
        verification = TxnVerificationRequest(userId: userId, requestId: requestId, cardId: cardId, token: token)
    }

    public func validate() throws(MusePayError) { try verification.validate() }
    public func fields(context: RequestContext) -> [String: JSONValue] { verification.fields(context: context) }
    public var auditParameters: [String: String] { [:] }
}

/// `/v1/cardaccount/transactions`: a page of the card's transactions.
public struct TransactionsRequest: MusePayRequest {
    public typealias Response = TransactionPage
    public static let path = "/v1/cardaccount/transactions"
    public static var isRetrySafe: Bool { true }
    public var userId: String
    public var cardId: String
    public var pageNumber: Int?
    public var pageSize: Int?
    public var filters: [String: String]

    /// `filters` takes the optional string fields: `date_range_from`, `date_range_to`,
    /// `tx_status`, `tx_type`, `order_no`, `detail_id`.
    public init(userId: String, cardId: String, pageNumber: Int? = nil, pageSize: Int? = nil, filters: [String: String] = [:]) {
        self.userId = userId
        self.cardId = cardId
        self.pageNumber = pageNumber
        self.pageSize = pageSize
        self.filters = filters
    }

    public func validate() throws(MusePayError) {
        try FieldRules.id(userId, field: "user_id")
        try FieldRules.id(cardId, field: "card_id")
        if let pageNumber, pageNumber < 1 { throw .validation(field: "page_number", reason: "must be 1 or more") }
        if let pageSize, !(1...1000).contains(pageSize) { throw .validation(field: "page_size", reason: "must be 1–1000") }
        for (key, value) in filters { try FieldRules.printable(value, field: key, max: 64) }
    }

    public func fields(context: RequestContext) -> [String: JSONValue] {
        var out: [String: JSONValue] = ["user_id": .string(userId), "card_id": .string(cardId)]
        if let pageNumber { out["page_number"] = .number(String(pageNumber)) }
        if let pageSize { out["page_size"] = .number(String(pageSize)) }
        for (key, value) in filters { out[key] = .string(value) }
        return out
    }

    public var auditParameters: [String: String] { [:] }
}

/// `/v1/carduser/query`: a cardholder's profile.
public struct CardUserQueryRequest: MusePayRequest {
    public typealias Response = CardUser
    public static let path = "/v1/carduser/query"
    public static var isRetrySafe: Bool { true }
    public var userXid: String
    public var userId: String?
    public var phoneNumber: String?
    public var email: String?

    public init(userXid: String, userId: String? = nil, phoneNumber: String? = nil, email: String? = nil) {
        self.userXid = userXid
        self.userId = userId
        self.phoneNumber = phoneNumber
        self.email = email
    }

    public func validate() throws(MusePayError) {
        try FieldRules.id(userXid, field: "user_xid")
        if let userId { try FieldRules.id(userId, field: "user_id") }
        if let phoneNumber { try FieldRules.phone(phoneNumber) }
        if let email { try FieldRules.printable(email, field: "email", max: 254) }
    }

    public func fields(context: RequestContext) -> [String: JSONValue] {
        var out: [String: JSONValue] = ["user_xid": .string(userXid)]
        if let userId { out["user_id"] = .string(userId) }
        if let phoneNumber { out["phone_number"] = .string(phoneNumber) }
        if let email { out["email"] = .string(email) }
        return out
    }

    public var auditParameters: [String: String] { [:] }

    public func check(_ response: CardUser) throws(MusePayError) {
        try AnswerCheck.same("user", asked: userXid, answered: response.userXid)
        if let userId { try AnswerCheck.same("user", asked: userId, answered: response.userId) }
    }
}
