import MuseCardStore

/// The approvals list popup: the selected request and the recent history of its card.
public struct ApprovalsState: Sendable, Equatable {
    public var selected = 0
    /// Until the first answer of the store.
    public var isLoading = true
    /// Why the list could not be read.
    public var error: String?
    /// The request whose card's history is shown (or being read).
    public var historyFor: String?
    /// The selected request's card's operations, newest first; `nil` while being read.
    public var history: [AuditOperation]?
    public var historyError: String?

    public init() {}
}
