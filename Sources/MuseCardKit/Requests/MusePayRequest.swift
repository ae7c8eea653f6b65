/// One MusePay endpoint: its path, its fields, its checks and whether a re-send is safe.
public protocol MusePayRequest: Sendable {
    associatedtype Response: ResponseData
    /// The path below the base URL, e.g. `/v1/card/lock`.
    static var path: String { get }
    /// Whether an identical re-send after a lost answer cannot do harm.
    static var isRetrySafe: Bool { get }
    /// Checks every field; the error names the first bad one.
    func validate() throws(MusePayError)
    /// The endpoint's own fields (the client adds the common ones and the signature).
    func fields(context: RequestContext) throws(MusePayError) -> [String: JSONValue]
    /// The parameters as the audit trail may keep them: no secrets.
    var auditParameters: [String: String] { get }
    /// Checks that a decoded answer is about what was asked (the client calls it before returning).
    func check(_ response: Response) throws(MusePayError)
}

/// What a request needs at send time beyond its own fields.
public struct RequestContext: Sendable {
    /// Encrypts PINs; `nil` when no platform public key is configured.
    public var pinCipher: PINCipher?

    public init(pinCipher: PINCipher?) { self.pinCipher = pinCipher }
}

extension MusePayRequest {
    public static var isRetrySafe: Bool { false }
    /// Most answers carry nothing to compare with the request.
    public func check(_ response: Response) throws(MusePayError) {}
    /// The last path component, e.g. `lock`; names the action in logs and the audit trail.
    public static var action: String { String(path.split(separator: "/").last ?? "") }
}

/// A request that names one card of one cardholder and nothing else.
public protocol CardScopedRequest: MusePayRequest {
    var userId: String { get }
    var cardId: String { get }
}

extension CardScopedRequest {
    public func validate() throws(MusePayError) {
        try FieldRules.id(userId, field: "user_id")
        try FieldRules.id(cardId, field: "card_id")
    }

    public func fields(context: RequestContext) -> [String: JSONValue] {
        ["user_id": .string(userId), "card_id": .string(cardId)]
    }

    public var auditParameters: [String: String] { [:] }
}

extension CardScopedRequest where Response: CardAnswer {
    /// An answer about another cardholder or card is refused, so it is never shown or cached as this one.
    public func check(_ response: Response) throws(MusePayError) {
        try AnswerCheck.card(userId: userId, cardId: cardId, answer: response)
    }
}

/// Audit parameters keep a phone number only as its area code and last two digits.
enum AuditMask {
    static func phone(areaCode: String, number: String) -> String { "+\(areaCode) •••\(number.suffix(2))" }
}
