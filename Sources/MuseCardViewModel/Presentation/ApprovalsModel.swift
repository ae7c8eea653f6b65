/// The approvals list popup as plain data: the requests, the selected one, its card's history.
public struct ApprovalsModel: Sendable, Equatable {
    public var title: String
    /// One row per request waiting: age, card, reason, requester, note.
    public var requests: TableModel
    /// The selected request in full (and why this console cannot decide it, if so).
    public var detail: [String]
    /// The selected request's card, newest first; `nil` with nothing selected.
    public var history: TableModel?
    /// The keys of the popup.
    public var footer: String

    public init(title: String, requests: TableModel, detail: [String], history: TableModel?, footer: String) {
        self.title = title
        self.requests = requests
        self.detail = detail
        self.history = history
        self.footer = footer
    }
}
