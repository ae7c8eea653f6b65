import Foundation

/// Where a four-eyes approval stands.
public enum ApprovalState: String, Sendable, Equatable, CaseIterable {
    /// Asked, waiting for an approver (and not yet expired).
    case pending
    /// Approved by a second person; can be used for one unlock until it expires.
    case approved
    /// Denied, with a note.
    case denied
    /// Not decided, or not used, in time.
    case expired
    /// Spent on the one unlock it was for.
    case used
}

/// One request for a second person's approval of one unlock of one card.
public struct ApprovalRequest: Sendable, Equatable, Identifiable {
    /// The store's id for the request.
    public var id: String
    /// The cardholder.
    public var userId: String
    /// The card the unlock is for.
    public var cardId: String
    /// The lock reason the unlock reverses, e.g. `FRAUD_SUSPECTED`.
    public var lockReason: String
    /// Who asked (the store's identity, stamped by the store, never typed).
    public var requestedBy: String
    /// When it was asked.
    public var requestedAt: Date
    /// Why the requester wants the card unlocked.
    public var note: String
    /// After this moment the request can be neither approved nor used.
    public var expiresAt: Date
    /// Where it stands.
    public var state: ApprovalState
    /// Who approved or denied it.
    public var decidedBy: String?
    /// When it was approved or denied.
    public var decidedAt: Date?
    /// The approver's note (required for a denial).
    public var decisionNote: String?

    /// A request with the given values.
    public init(id: String, userId: String, cardId: String, lockReason: String, requestedBy: String, requestedAt: Date,
                note: String, expiresAt: Date, state: ApprovalState = .pending, decidedBy: String? = nil,
                decidedAt: Date? = nil, decisionNote: String? = nil) {
        self.id = id
        self.userId = userId
        self.cardId = cardId
        self.lockReason = lockReason
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.note = note
        self.expiresAt = expiresAt
        self.state = state
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.decisionNote = decisionNote
    }
}
