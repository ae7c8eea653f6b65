import Foundation

/// One operation as the audit trail tells it: its intent and its result, linked by operation id.
public struct AuditOperation: Sendable, Equatable {
    /// The line written before sending, if any (nothing is announced for what was never sent).
    public var intent: AuditEntry?
    /// The line written after; `nil` when the process ended before it could write one.
    public var result: AuditEntry?
    /// The first line seen of this operation: who, what, when.
    public var first: AuditEntry

    /// The outcome; an intent without a result is `unknown` (the service may have acted).
    public var outcome: AuditOutcome {
        result?.outcome ?? .unknown("no result was recorded — check the card")
    }

    /// Whether an intent has no result: the process ended between sending and recording.
    public var isUnrecorded: Bool { intent != nil && result == nil }

    /// The outcome as a person reads it; an intent without a result is unknown (the service may have acted).
    public var outcomeText: String {
        if isUnrecorded { return "unknown — check the card" }
        switch outcome {
        case .applied: return "applied"
        case .refused(let code, let message): return "refused \(code) \(message)"
        case .notSent(let error): return "not sent: \(error)"
        case .unknown(let error): return "unknown — check the card: \(error)"
        }
    }

    /// Groups lines by operation id in order of first appearance; lines without one stand alone.
    public static func group(_ entries: [AuditEntry]) -> [AuditOperation] {
        var operations: [AuditOperation] = []
        var index: [String: Int] = [:]
        for entry in entries {
            if let id = entry.operationId, let at = index[id] {
                if entry.phase == .intent { operations[at].intent = entry } else { operations[at].result = entry }
                continue
            }
            var operation = AuditOperation(intent: nil, result: nil, first: entry)
            if entry.phase == .intent { operation.intent = entry } else { operation.result = entry }
            if let id = entry.operationId { index[id] = operations.count }
            operations.append(operation)
        }
        return operations
    }
}
