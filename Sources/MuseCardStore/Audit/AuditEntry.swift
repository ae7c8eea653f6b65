import Foundation

/// Whether a line announces an operation before it is sent, or records how it ended.
public enum AuditPhase: String, Sendable, Equatable {
    /// Written and fsynced before the request leaves.
    case intent
    /// Written after the answer (or its absence) was classified.
    case result
}

/// One line of the audit trail: who did what to which card, and (for a result) how it ended.
public struct AuditEntry: Sendable, Equatable {
    /// When it was written.
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
    /// The operation's name, e.g. `lock` or `replace` (`OperationName`'s raw value).
    public var action: String
    /// The parameters, secrets removed.
    public var parameters: [String: String]
    /// Intent or result.
    public var phase: AuditPhase
    /// How it ended; `nil` on an intent.
    public var outcome: AuditOutcome?
    /// What the answer said, e.g. the new status or the new card id; secrets removed.
    public var values: [String: String]
    /// The idempotency key, for apply and replace.
    public var requestId: String?
    /// Links an intent with its result.
    public var operationId: String?
    /// The batch run the operation belongs to, if any.
    public var runId: String?

    /// An entry with the given values; secret parameters and values are stripped.
    public init(time: Date, operatorName: String, sessionId: String, ticket: String? = nil, profile: String,
                userId: String, cardId: String? = nil, action: String, parameters: [String: String] = [:],
                phase: AuditPhase = .result, outcome: AuditOutcome?, values: [String: String] = [:],
                requestId: String? = nil, operationId: String? = nil, runId: String? = nil) {
        self.time = time
        self.operatorName = operatorName
        self.sessionId = sessionId
        self.ticket = ticket
        self.profile = profile
        self.userId = userId
        self.cardId = cardId
        self.action = action
        self.parameters = SecretFilter.strip(parameters)
        self.phase = phase
        self.outcome = outcome
        self.values = SecretFilter.strip(values)
        self.requestId = requestId
        self.operationId = operationId
        self.runId = runId
    }
}
