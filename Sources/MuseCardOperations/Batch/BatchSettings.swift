import MuseCardKit
import MuseCardStore

/// What a batch run does to each line, and how hard it tries.
public struct BatchSettings: Sendable {
    /// `.lock` or `.unlock`.
    public var operation: OperationName
    /// The run's lock reason; a line's own reason replaces it.
    public var reason: LockReason?
    /// Calls per line per process (queries included) before the line is left for a later resume:
    /// enough that a service failing one call in ten still answers every line in one run.
    public var maxAttempts: Int
    /// Transport pauses in a row without a success before the run stops.
    public var maxPauses: Int
    /// 429 answers per line per process before the line is left for a later resume.
    public var maxRateLimited = 100

    public init(operation: OperationName, reason: LockReason?, maxAttempts: Int = 24, maxPauses: Int = 5) {
        self.operation = operation
        self.reason = reason
        self.maxAttempts = maxAttempts
        self.maxPauses = maxPauses
    }

    /// The status a card has once the operation is applied.
    public var target: CardStatus { operation == .lock ? .locked : .active }

    /// The layer's operation for one line (the input was checked when the run was made).
    func operation(for line: BatchLine) -> CardOperation {
        // The run was confirmed as a whole; a team's four-eyes still refuses a sensitive unlock.
        guard operation == .lock else { return .unlock(cardId: line.cardId, check: .batchRun) }
        var reason = self.reason
        if let text = line.reason, let own = try? LockReason(parsing: text, note: line.note ?? self.reason?.note) { reason = own }
        else if let note = line.note, var shared = reason { shared.note = note; reason = shared }
        return .lock(cardId: line.cardId, reason: reason)
    }
}
