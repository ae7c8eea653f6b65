/// How an audited operation ended: the `result` line's outcome (see DESIGN.md, "What an outcome means").
public enum AuditOutcome: Sendable, Equatable {
    /// The service did it.
    case applied
    /// The service answered with a refusal (sanitised message).
    case refused(code: String, message: String)
    /// Nothing was sent, or the service said it did not process it; the reason.
    case notSent(String)
    /// The request may have reached the service and no usable answer came back.
    case unknown(String)

    /// The name written in the `outcome` field.
    public var name: String {
        switch self {
        case .applied: return "applied"
        case .refused: return "refused"
        case .notSent: return "not-sent"
        case .unknown: return "unknown"
        }
    }
}
