/// Where audit entries go; an entry is written and flushed (fsync) before `append` returns.
public protocol AuditSink: Sendable {
    /// Writes one entry durably.
    func append(_ entry: AuditEntry) async throws
    /// The entries passing `filter`, oldest first (a card's history).
    func entries(matching filter: AuditFilter) async throws -> [AuditEntry]
}

extension AuditSink {
    /// A sink that cannot be read back has no history to tell.
    public func entries(matching filter: AuditFilter) async throws -> [AuditEntry] { [] }
}
