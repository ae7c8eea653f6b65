/// Where audit entries go; an entry is written and flushed (fsync) before `append` returns.
public protocol AuditSink: Sendable {
    /// Writes one entry durably.
    func append(_ entry: AuditEntry) async throws
}
