/// An answer that names the cardholder and card it is about; the service may leave either out.
public protocol CardAnswer: ResponseData {
    /// The `user_id` the answer names, if any.
    var answeredUserId: String? { get }
    /// The `card_id` the answer names, if any.
    var answeredCardId: String? { get }
}

extension CardRecord: CardAnswer {
    public var answeredUserId: String? { userId }
    public var answeredCardId: String? { cardId }
}

extension CardStatusChange: CardAnswer {
    public var answeredUserId: String? { userId }
    public var answeredCardId: String? { cardId }
}

extension PhoneUpdate: CardAnswer {
    public var answeredUserId: String? { userId }
    public var answeredCardId: String? { cardId }
}
