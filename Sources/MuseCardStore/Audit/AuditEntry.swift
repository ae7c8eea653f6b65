import Foundation

/// One line of the audit trail: who did what to which card, and how it ended.
public struct AuditEntry: Sendable, Equatable {
    /// When it happened.
    public var time: Date
    /// Who acted.
    public var operatorName: String
    /// One id per console or command-line process.
    public var sessionId: String
    /// A support ticket reference, if given.
    public var ticket: String?
    /// The configuration profile in use.
    public var profile: String
    /// The cardholder.
    public var userId: String
    /// The card, if the action named one.
    public var cardId: String?
    /// The action, e.g. `lock` or `replace`.
    public var action: String
    /// The parameters, secrets removed.
    public var parameters: [String: String]
    /// How it ended.
    public var outcome: AuditOutcome
    /// The idempotency key, for apply and replace.
    public var requestId: String?

    /// An entry with the given values; secret parameters are stripped.
    public init(time: Date, operatorName: String, sessionId: String, ticket: String? = nil, profile: String,
                userId: String, cardId: String? = nil, action: String, parameters: [String: String] = [:],
                outcome: AuditOutcome, requestId: String? = nil) {
        self.time = time
        self.operatorName = operatorName
        self.sessionId = sessionId
        self.ticket = ticket
        self.profile = profile
        self.userId = userId
        self.cardId = cardId
        self.action = action
        self.parameters = SecretFilter.strip(parameters)
        self.outcome = outcome
        self.requestId = requestId
    }
}
