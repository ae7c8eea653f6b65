/// The immediate answer to an apply.
public struct ApplyReceipt: ResponseData, Hashable {
    public var applyStatus: ApplyStatus?
    public var applyId: String?
    public var requestId: String?

    public init(data: JSONValue?) {
        let f = JSONFields(data)
        applyStatus = f.string("apply_status").map(ApplyStatus.init(rawValue:))
        applyId = f.string("apply_id")
        requestId = f.string("request_id")
    }

    public var json: JSONValue {
        var b = JSONObjectBuilder()
        b.set("apply_status", applyStatus?.rawValue)
        b.set("apply_id", applyId)
        b.set("request_id", requestId)
        return b.object
    }
}

/// The state of an application, with the card once issued.
public struct ApplyResult: ResponseData, Hashable {
    public var requestId: String?
    public var userId: String?
    public var applyId: String?
    public var cardId: String?
    public var applyStatus: ApplyStatus?

    public init(data: JSONValue?) {
        let f = JSONFields(data)
        requestId = f.string("request_id")
        userId = f.string("user_id")
        applyId = f.string("apply_id")
        cardId = f.string("card_id")
        applyStatus = f.string("apply_status").map(ApplyStatus.init(rawValue:))
    }

    public var json: JSONValue {
        var b = JSONObjectBuilder()
        b.set("request_id", requestId)
        b.set("user_id", userId)
        b.set("apply_id", applyId)
        b.set("card_id", cardId)
        b.set("apply_status", applyStatus?.rawValue)
        return b.object
    }
}
