import Foundation

/// Which audit entries to read back: by cardholder, card and start time; `nil` matches all.
public struct AuditFilter: Sendable, Equatable {
    /// Only this cardholder.
    public var userId: String?
    /// Only this card.
    public var cardId: String?
    /// Only entries at or after this time.
    public var since: Date?

    /// A filter; with no arguments it matches every entry.
    public init(userId: String? = nil, cardId: String? = nil, since: Date? = nil) {
        self.userId = userId
        self.cardId = cardId
        self.since = since
    }

    /// Whether `entry` passes the filter.
    public func matches(_ entry: AuditEntry) -> Bool {
        if let userId, entry.userId != userId { return false }
        if let cardId, entry.cardId != cardId { return false }
        if let since, entry.time < since { return false }
        return true
    }
}

extension AuditFilter {
    /// Reads a `--since` value: `YYYY-MM-DD` (midnight UTC) or a full ISO 8601 time; `nil` if it is neither.
    public static func date(from text: String) -> Date? { AuditCoding.date(text) }
}
