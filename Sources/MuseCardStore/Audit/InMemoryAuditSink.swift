/// An audit sink that keeps entries in memory, for view-model tests.
public actor InMemoryAuditSink: AuditSink {
    /// Every entry appended, in order.
    public var entries: [AuditEntry] = []

    /// An empty sink.
    public init() {}

    /// Keeps the entry, secrets stripped from its parameters and values.
    public func append(_ entry: AuditEntry) async throws {
        var kept = entry
        kept.parameters = SecretFilter.strip(entry.parameters)
        kept.values = SecretFilter.strip(entry.values)
        entries.append(kept)
    }

    public func entries(matching filter: AuditFilter) -> [AuditEntry] { entries.filter(filter.matches) }
}
