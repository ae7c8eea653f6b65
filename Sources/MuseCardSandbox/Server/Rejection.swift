import MuseCardKit

/// A request the sandbox turns down: the HTTP status, the business code and a message that says why.
struct Rejection: Error, Sendable {
    /// 200 for business refusals (the code says what went wrong), else 400, 401, 404, 410.
    let httpStatus: Int
    let code: String
    let message: String
    /// Key in `/_sandbox/stats`.
    let reason: String

    /// HTTP 400 naming the field.
    static func invalid(_ field: String, _ why: String) -> Rejection {
        Rejection(httpStatus: 400, code: "400", message: "INVALID_REQUEST: \(field) \(why)", reason: "INVALID_REQUEST")
    }

    static func missing(_ field: String) -> Rejection { invalid(field, "is missing") }

    /// Turns a MuseCardKit field check into the service's 400.
    static func from(_ error: MusePayError) -> Rejection {
        if case .validation(let field, let why) = error { return invalid(field, why) }
        return Rejection(httpStatus: 400, code: "400", message: "INVALID_REQUEST: \(error)", reason: "INVALID_REQUEST")
    }

    static func notAuthorized(_ partnerId: String) -> Rejection {
        Rejection(httpStatus: 401, code: "401", message: "NOT_AUTHORIZED: unknown partner_id \(partnerId)", reason: "NOT_AUTHORIZED")
    }

    static func notFound(_ path: String) -> Rejection {
        Rejection(httpStatus: 404, code: "404", message: "RESOURCE_NOT_FOUND: no endpoint \(path.prefix(80))", reason: "RESOURCE_NOT_FOUND")
    }

    static let signError = Rejection(httpStatus: 200, code: "406",
                                     message: "SIGN_ERROR: the signature does not verify with the partner public key",
                                     reason: "SIGN_ERROR")

    static func timestampOrNonce(_ why: String) -> Rejection {
        Rejection(httpStatus: 200, code: "412", message: "WRONG_TIMESTAMP_OR_NONCE: \(why)", reason: "WRONG_TIMESTAMP_OR_NONCE")
    }

    /// Code 5005: the action does not fit the card's status.
    static func statusInvalid(cardId: String, status: String, action: String, needs: String) -> Rejection {
        Rejection(httpStatus: 200, code: "5005",
                  message: "CARD_STATUS_INVALID: card \(cardId) is \(status); \(action) needs \(needs)",
                  reason: "CARD_STATUS_INVALID")
    }

    /// Code 5006: the cardholder already has (or is applying for) a card of this product.
    static func productTaken(_ why: String) -> Rejection {
        Rejection(httpStatus: 200, code: "5006", message: "CARD_PRODUCT_EXISTS: \(why)", reason: "CARD_PRODUCT_EXISTS")
    }

    /// Code 7000: no such card, application or cardholder for this user.
    static func notExist(_ why: String) -> Rejection {
        Rejection(httpStatus: 200, code: "7000", message: "ORDER_NOT_EXIST: \(why)", reason: "ORDER_NOT_EXIST")
    }
}
