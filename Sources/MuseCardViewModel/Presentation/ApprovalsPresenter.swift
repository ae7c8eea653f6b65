import Foundation
import MuseCardKit
import MuseCardStore

/// The approvals list: every request waiting (one's own marked: another approver decides it),
/// the selected one with its note, and what happened to its card lately.
enum ApprovalsPresenter {
    static let header = ["AGE", "CARD", "REASON", "ASKED BY", "NOTE"]
    static let historyHeader = ["TIME (UTC)", "OPERATOR", "OPERATION", "REASON", "OUTCOME"]
    /// History rows shown under the list: the recent past is what an approver weighs.
    static let historyRows = 5

    static func model(_ list: ApprovalsState, state: ConsoleState, keys: KeyTable, now: Date) -> ApprovalsModel {
        let s = ServiceText.sanitize
        let identity = state.session.team?.identity
        let requests = state.data.team.pending
        let rows = requests.map { request in
            let expired = request.expiresAt <= now
            let who = request.requestedBy == identity ? "you" : s(request.requestedBy)
            return TableModel.Row(cells: [Age.text(since: request.requestedAt, now: now), s(request.cardId), s(request.lockReason), who, s(request.note)],
                                  role: expired || request.requestedBy == identity ? "text.dim" : nil)
        }
        let placeholder = list.error.map { "Cannot read the approvals: \(s($0))" }
            ?? (list.isLoading && requests.isEmpty ? "Reading the approvals…" : requests.isEmpty ? "No request is waiting for approval." : nil)
        let table = TableModel(title: "", header: header, rows: rows, selected: list.selected, placeholder: placeholder)
        let selected = requests.indices.contains(list.selected) ? requests[list.selected] : nil
        let keyText = [(KeyAction.approveRequest, "approve"), (.denyRequest, "deny (with a note)")].compactMap { action, label in
            keys.primaryKey(action).map { "\(HintPresenter.display($0)) \(label)" }
        }
        return ApprovalsModel(title: "Approvals — \(requests.count) waiting", requests: table,
                              detail: selected.map { detail($0, state: state, now: now) } ?? [],
                              history: selected.map { history($0, list: list, now: now) },
                              footer: (["j/k move"] + keyText + ["esc close"]).joined(separator: "  "))
    }

    /// The selected request in words, and why this console cannot decide it.
    static func detail(_ request: ApprovalRequest, state: ConsoleState, now: Date) -> [String] {
        let s = ServiceText.sanitize
        var lines = ["Card \(s(request.cardId)) of cardholder \(s(request.userId)), locked as \(s(request.lockReason))",
                     "Asked by \(s(request.requestedBy)) \(Age.text(since: request.requestedAt, now: now)) ago: \(s(request.note))"]
        if request.expiresAt <= now {
            lines.append("Expired at \(UTCTime.clock(request.expiresAt)) UTC: it can no longer be approved.")
        } else {
            lines.append("Can be approved until \(UTCTime.clock(request.expiresAt)) UTC.")
        }
        if let why = ConsoleReducer.whyNotDecide(request, state: state) { lines.append("You cannot decide it: \(why).") }
        return lines
    }

    /// The card's last operations from the audit trail.
    static func history(_ request: ApprovalRequest, list: ApprovalsState, now: Date) -> TableModel {
        let s = ServiceText.sanitize
        let mine = list.historyFor == request.id
        let operations = mine ? list.history : nil
        let rows = (operations ?? []).prefix(historyRows).map { operation -> TableModel.Row in
            let e = operation.first
            let values = (operation.result?.values ?? [:]).merging(e.parameters) { answer, _ in answer }
            let reason = HistoryPresenter.reasonKeys.compactMap { values[$0] }.joined(separator: ": ")
            return TableModel.Row(cells: [UTCTime.short(e.time, now: now), s(e.operatorName), s(e.action), s(reason.isEmpty ? "-" : reason),
                                          s(operation.outcomeText)], role: operation.outcome == .applied ? nil : "text.error")
        }
        let placeholder: String?
        if mine, let error = list.historyError {
            placeholder = "Cannot read the audit trail: \(s(error))"
        } else if let operations {
            placeholder = operations.isEmpty ? "Nothing recorded for this card yet." : nil
        } else {
            placeholder = "Reading the card's history…"
        }
        return TableModel(title: "Recent history of \(s(request.cardId))", header: historyHeader, rows: Array(rows), placeholder: placeholder)
    }
}
