/// How an audited action ended.
public enum AuditOutcome: Sendable, Equatable {
    /// The service did it.
    case ok
    /// The service answered with a refusal.
    case refused(code: String, message: String)
    /// It failed before or without an answer (validation, transport, configuration).
    case failed(String)
}
