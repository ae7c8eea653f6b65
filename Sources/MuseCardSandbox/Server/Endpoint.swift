import MuseCardKit

/// One `/v1/…` endpoint: how its answer spells `code`, and what it does with a checked body.
struct Endpoint: Sendable {
    /// The service sends `"200"` on some endpoints and `200` on others; each endpoint keeps one.
    let codeAsString: Bool
    let handle: @Sendable (SandboxCore, FieldReader) throws(Rejection) -> JSONValue?

    /// Every endpoint by path.
    static let all: [String: Endpoint] = {
        var table: [String: Endpoint] = [:]
        func add(_ path: String, string: Bool, _ handle: @escaping @Sendable (SandboxCore, FieldReader) throws(Rejection) -> JSONValue?) {
            table[path] = Endpoint(codeAsString: string, handle: handle)
        }
        add("/v1/card/apply", string: false) { core, fields throws(Rejection) in try core.apply(fields) }
        add("/v1/card/apply-result", string: false) { core, fields throws(Rejection) in try core.applyResult(fields) }
        add("/v1/card/query", string: false) { core, fields throws(Rejection) in try core.query(fields) }
        add("/v1/card/activate", string: false) { core, fields throws(Rejection) in
            try core.statusChange(fields) { book, card, user throws(Rejection) in try book.activate(card, user: user) }
        }
        add("/v1/card/activate-physical", string: false) { core, fields throws(Rejection) in
            try core.statusChange(fields) { book, card, user throws(Rejection) in try book.activatePhysical(card, user: user) }
        }
        add("/v1/card/lock", string: false) { core, fields throws(Rejection) in
            try core.statusChange(fields) { book, card, user throws(Rejection) in try book.lock(card, user: user) }
        }
        add("/v1/card/unlock", string: false) { core, fields throws(Rejection) in
            try core.statusChange(fields) { book, card, user throws(Rejection) in try book.unlock(card, user: user) }
        }
        add("/v1/card/card-sensitive-info", string: false) { core, fields throws(Rejection) in try core.sensitiveInfo(fields) }
        add("/v1/card/update-phone", string: true) { core, fields throws(Rejection) in try core.updatePhone(fields) }
        add("/v1/card/change-pin", string: true) { core, fields throws(Rejection) in try core.changePIN(fields) }
        add("/v1/card/replace", string: true) { core, fields throws(Rejection) in try core.replace(fields) }
        add("/v1/card/limitChange", string: true) { core, fields throws(Rejection) in try core.limitChange(fields) }
        add("/v1/card/get-change-pin-model", string: true) { core, fields throws(Rejection) in try core.pinModel(fields) }
        add("/v1/card/txn-verification-confirm", string: true) { core, fields throws(Rejection) in
            try core.txnVerification(fields, outcome: "CONFIRMED")
        }
        add("/v1/card/txn-verification-decline", string: true) { core, fields throws(Rejection) in
            try core.txnVerification(fields, outcome: "DECLINED")
        }
        add("/v1/cardaccount/transactions", string: false) { core, fields throws(Rejection) in try core.transactions(fields) }
        add("/v1/carduser/query", string: true) { core, fields throws(Rejection) in try core.cardUser(fields) }
        return table
    }()
}
