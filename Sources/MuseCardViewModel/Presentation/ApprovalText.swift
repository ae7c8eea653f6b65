import MuseCardKit
import MuseCardStore

/// The words for a request's state, as the detail pane, the flash and the forms say them.
enum ApprovalText {
    /// `approved by carol: note`, `denied by carol: note`, `expired`; `nil` while waiting or once used.
    static func answer(_ request: ApprovalRequest) -> String? {
        let s = ServiceText.sanitize
        let note = request.decisionNote.map { ": \(s($0))" } ?? ""
        switch request.state {
        case .approved: return "approved by \(s(request.decidedBy ?? "?"))\(note)"
        case .denied: return "denied by \(s(request.decidedBy ?? "?"))\(note)"
        case .expired: return "expired without a decision"
        case .pending, .used: return nil
        }
    }
}
