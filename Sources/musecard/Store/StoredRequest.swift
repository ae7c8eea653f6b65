import Foundation
import MuseCardKit
import MuseCardStore

/// What the cache and the audit trail need from a request: whose card, whether to audit, what to remember.
protocol StoredRequest: MusePayRequest {
    /// Whether the request is written to the audit trail (everything but plain reads).
    static var isAudited: Bool { get }
    var storeUserId: String { get }
    /// The card the request is about (for replace: the original card).
    var storeCardId: String? { get }
    var storeRequestId: String? { get }
    /// Saves what the answer taught about the card.
    func remember(_ answer: Response, in cache: any CardCache, at date: Date) async throws
}

extension StoredRequest {
    static var isAudited: Bool { true }
    var storeRequestId: String? { nil }

    func remember(_ answer: Response, in cache: any CardCache, at date: Date) async throws {
        if let card = storeCardId { try await cache.addCard(userId: storeUserId, cardId: card, at: date) }
    }

    /// Changes the cached record of the card, if there is one; otherwise just notes the card.
    func amendRecord(in cache: any CardCache, at date: Date, _ change: (inout CardRecord) -> Void) async throws {
        guard let card = storeCardId else { return }
        let known = try await cache.cards(of: storeUserId).first { $0.cardId == card }
        if var record = known?.record {
            change(&record)
            try await cache.saveRecord(record, fetchedAt: date)
        } else {
            try await cache.addCard(userId: storeUserId, cardId: card, at: date)
        }
    }
}

/// Requests whose fields are `userId` and `cardId`.
protocol UserCardFields {
    var userId: String { get }
    var cardId: String { get }
}

extension StoredRequest where Self: UserCardFields {
    var storeUserId: String { userId }
    var storeCardId: String? { cardId }
}

extension QueryCardRequest: StoredRequest, UserCardFields {
    static var isAudited: Bool { false }
    func remember(_ answer: CardRecord, in cache: any CardCache, at date: Date) async throws {
        try await cache.saveRecord(answer, fetchedAt: date)
    }
}

/// Lock, unlock and both activations answer with the card's new status.
protocol StatusChangingRequest: StoredRequest, UserCardFields where Response == CardStatusChange {}

extension StatusChangingRequest {
    func remember(_ answer: CardStatusChange, in cache: any CardCache, at date: Date) async throws {
        guard let status = answer.status else { return try await cache.addCard(userId: userId, cardId: cardId, at: date) }
        try await amendRecord(in: cache, at: date) { $0.status = status }
    }
}

extension LockCardRequest: StatusChangingRequest {}
extension UnlockCardRequest: StatusChangingRequest {}
extension ActivateCardRequest: StatusChangingRequest {}
extension ActivatePhysicalCardRequest: StatusChangingRequest {}
extension ChangePINRequest: StoredRequest, UserCardFields {}
extension SensitiveInfoRequest: StoredRequest, UserCardFields {}

extension UpdatePhoneRequest: StoredRequest, UserCardFields {
    func remember(_ answer: PhoneUpdate, in cache: any CardCache, at date: Date) async throws {
        try await amendRecord(in: cache, at: date) { $0.phoneAreaCode = phoneAreaCode; $0.phoneNumber = phoneNumber }
    }
}

extension LimitChangeRequest: StoredRequest, UserCardFields {
    func remember(_ answer: NoData, in cache: any CardCache, at date: Date) async throws {
        let limit = dailyPurchaseLimit.decimal
        try await amendRecord(in: cache, at: date) { $0.dailyPurchaseLimit = limit }
    }
}

extension ApplyCardRequest: StoredRequest {
    var storeUserId: String { userId }
    var storeCardId: String? { nil }
    var storeRequestId: String? { requestId }
    func remember(_ answer: ApplyReceipt, in cache: any CardCache, at date: Date) async throws {}
}

extension ApplyResultRequest: StoredRequest {
    static var isAudited: Bool { false }
    var storeUserId: String { userId }
    var storeCardId: String? { nil }
    var storeRequestId: String? { requestId }
    func remember(_ answer: ApplyResult, in cache: any CardCache, at date: Date) async throws {
        guard let card = answer.cardId, !card.isEmpty else { return }
        try await cache.addCard(userId: answer.userId ?? userId, cardId: card, at: date)
        // The issued card settles the application of this request id, if the journal has it.
        try await cache.updateJournal(requestId: requestId, state: .done, cardId: card, detail: "card \(card) issued", at: date)
    }
}

extension ReplaceCardRequest: StoredRequest {
    var storeUserId: String { userId }
    var storeCardId: String? { originalCardId }
    var storeRequestId: String? { requestId }
    func remember(_ answer: CardStatusChange, in cache: any CardCache, at date: Date) async throws {
        try await cache.addCard(userId: userId, cardId: originalCardId, at: date)
        try await cache.addCard(userId: answer.userId ?? userId, cardId: answer.cardId, at: date)
    }
}
