import Foundation
import MuseCardKit

/// Where an idempotent operation stands: `pending` until an answer settles it.
public enum JournalState: String, Sendable, Codable {
    case pending, done, failed
}

/// An in-flight idempotent operation, kept so a crash or timeout resumes it with the same `request_id`.
public struct JournalEntry: Sendable, Equatable {
    /// Apply or replace.
    public var kind: OperationName
    /// The idempotency key sent to the service.
    public var requestId: String
    /// The cardholder.
    public var userId: String
    /// Replace: the original card; apply: the issued card once known.
    public var cardId: String?
    /// Pending, done or failed.
    public var state: JournalState
    /// Non-secret values enough to re-send the same request; secret keys are stripped when stored.
    public var parameters: [String: String]
    /// The last outcome text, e.g. the apply id or the error.
    public var detail: String?
    /// When the entry was opened.
    public var createdAt: Date
    /// When the entry last changed.
    public var updatedAt: Date

    /// An entry with the given values; `updatedAt` defaults to `createdAt`.
    public init(kind: OperationName, requestId: String, userId: String, cardId: String? = nil,
                state: JournalState = .pending, parameters: [String: String] = [:], detail: String? = nil,
                createdAt: Date, updatedAt: Date? = nil) {
        self.kind = kind
        self.requestId = requestId
        self.userId = userId
        self.cardId = cardId
        self.state = state
        self.parameters = parameters
        self.detail = detail
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
