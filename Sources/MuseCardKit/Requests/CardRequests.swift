/// `/v1/card/query`: one card's details.
public struct QueryCardRequest: CardScopedRequest {
    public typealias Response = CardRecord
    public static let path = "/v1/card/query"
    public static var isRetrySafe: Bool { true }
    public var userId: String
    public var cardId: String
    public init(userId: String, cardId: String) { self.userId = userId; self.cardId = cardId }
}

/// `/v1/card/activate`: activate a virtual card.
public struct ActivateCardRequest: CardScopedRequest {
    public typealias Response = CardStatusChange
    public static let path = "/v1/card/activate"
    public var userId: String
    public var cardId: String
    public init(userId: String, cardId: String) { self.userId = userId; self.cardId = cardId }
}

/// `/v1/card/activate-physical`: activate a delivered physical card.
public struct ActivatePhysicalCardRequest: CardScopedRequest {
    public typealias Response = CardStatusChange
    public static let path = "/v1/card/activate-physical"
    public var userId: String
    public var cardId: String
    public init(userId: String, cardId: String) { self.userId = userId; self.cardId = cardId }
}

/// `/v1/card/lock`: freeze a card; repeating it is harmless.
public struct LockCardRequest: CardScopedRequest {
    public typealias Response = CardStatusChange
    public static let path = "/v1/card/lock"
    public static var isRetrySafe: Bool { true }
    public var userId: String
    public var cardId: String
    public init(userId: String, cardId: String) { self.userId = userId; self.cardId = cardId }
}

/// `/v1/card/unlock`: unfreeze a card; repeating it is harmless.
public struct UnlockCardRequest: CardScopedRequest {
    public typealias Response = CardStatusChange
    public static let path = "/v1/card/unlock"
    public static var isRetrySafe: Bool { true }
    public var userId: String
    public var cardId: String
    public init(userId: String, cardId: String) { self.userId = userId; self.cardId = cardId }
}

/// `/v1/card/get-change-pin-model`: whether PIN change goes by URL or API.
public struct ChangePINModelRequest: CardScopedRequest {
    public typealias Response = ChangePINModel
    public static let path = "/v1/card/get-change-pin-model"
    public static var isRetrySafe: Bool { true }
    public var userId: String
    public var cardId: String
    public init(userId: String, cardId: String) { self.userId = userId; self.cardId = cardId }
}
