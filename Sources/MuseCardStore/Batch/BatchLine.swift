import Foundation

/// Where one line of a batch run stands.
public enum BatchLineState: String, Sendable, Equatable, CaseIterable {
    /// Not sent yet (or the service said it did not process it).
    case pending
    /// Handed to the operations layer; a run that stops here does not know whether it left.
    case sending
    /// The service answered `code` 200, or a query showed the card already in the wanted state.
    case applied
    /// The service answered and said no.
    case refused
    /// It may have reached the service and no usable answer came back: query before sending again.
    case unknown

    /// A definite answer: the line is never sent again.
    public var isFinal: Bool { self == .applied || self == .refused }
    /// The outcome may have happened: ask `/v1/card/query` before deciding.
    public var needsQuery: Bool { self == .sending || self == .unknown }
}

/// One line of a batch input file and what became of it.
public struct BatchLine: Sendable, Equatable {
    /// The line's number in the input file (1-based, the header counts).
    public var line: Int
    public var userId: String
    public var cardId: String
    /// The line's own lock reason and note, over the run's.
    public var reason: String?
    public var note: String?
    public var state: BatchLineState
    public var statusBefore: String?
    public var statusAfter: String?
    /// The operation id the audit trail links intent and result with.
    public var operationId: String?
    public var error: String?
    /// Calls spent on the line (sends and queries).
    public var attempts: Int

    public init(line: Int, userId: String, cardId: String, reason: String? = nil, note: String? = nil, state: BatchLineState = .pending,
                statusBefore: String? = nil, statusAfter: String? = nil, operationId: String? = nil, error: String? = nil, attempts: Int = 0) {
        self.line = line
        self.userId = userId
        self.cardId = cardId
        self.reason = reason
        self.note = note
        self.state = state
        self.statusBefore = statusBefore
        self.statusAfter = statusAfter
        self.operationId = operationId
        self.error = error
        self.attempts = attempts
    }
}

/// A batch run as its journal keeps it: what it does, under which reason and ticket.
public struct BatchRunRecord: Sendable, Equatable {
    public var runId: String
    /// `lock` or `unlock`.
    public var operation: String
    public var reason: String?
    public var note: String?
    public var ticket: String?
    public var profile: String
    /// The input file as given, for people reading `batch status`.
    public var source: String
    public var total: Int
    public var createdAt: Date
    public var finishedAt: Date?

    public init(runId: String, operation: String, reason: String?, note: String?, ticket: String?, profile: String, source: String,
                total: Int, createdAt: Date, finishedAt: Date? = nil) {
        self.runId = runId
        self.operation = operation
        self.reason = reason
        self.note = note
        self.ticket = ticket
        self.profile = profile
        self.source = source
        self.total = total
        self.createdAt = createdAt
        self.finishedAt = finishedAt
    }
}

/// How many lines of a run are in each state.
public struct BatchCounts: Sendable, Equatable {
    public var byState: [BatchLineState: Int] = [:]

    public init(byState: [BatchLineState: Int] = [:]) { self.byState = byState }

    public subscript(_ state: BatchLineState) -> Int { byState[state, default: 0] }
    public var total: Int { byState.values.reduce(0, +) }
    /// Lines with a definite answer.
    public var finished: Int { self[.applied] + self[.refused] }
}
