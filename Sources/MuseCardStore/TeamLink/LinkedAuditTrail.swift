import Foundation

/// The team's audit trail over a `TeamLink`. While it is not connected an append fails, so the
/// operations layer sends nothing (a change the team audit cannot record must not be made).
public struct LinkedAuditTrail: AuditSink {
    let link: TeamLink

    /// The team audit trail over `link`.
    public init(_ link: TeamLink) { self.link = link }

    public func append(_ entry: AuditEntry) async throws { try await link.use { try await $0.audit.append(entry) } }

    public func entries(matching filter: AuditFilter) async throws -> [AuditEntry] {
        try await link.use { try await $0.audit.entries(matching: filter) }
    }
}
