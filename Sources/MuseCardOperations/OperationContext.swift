/// Who acts, where, for the life of one console or command-line process.
public struct OperationContext: Sendable, Equatable {
    public var operatorName: String
    /// One id per process, so the audit lines of one run can be grouped.
    public var sessionId: String
    public var profile: String
    /// A read-only profile or session: every change is refused before it is sent.
    public var readOnly: Bool
    /// The batch run every operation of this context belongs to; audit lines carry it as `run_id`.
    public var runId: String?

    public init(operatorName: String, sessionId: String, profile: String, readOnly: Bool, runId: String? = nil) {
        self.operatorName = operatorName
        self.sessionId = sessionId
        self.profile = profile
        self.readOnly = readOnly
        self.runId = runId
    }
}
