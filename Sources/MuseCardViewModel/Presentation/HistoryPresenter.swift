import Foundation
import MuseCardKit
import MuseCardStore

/// A card's history as a table: time, operator, ticket, operation, values, reason, outcome.
enum HistoryPresenter {
    static let header = ["TIME (UTC)", "OPERATOR", "TICKET", "OPERATION", "VALUES", "REASON", "OUTCOME"]
    /// Values that say why, shown in their own column.
    static let reasonKeys = ["lock_reason", "replace_reason", "note"]

    static func table(_ history: HistoryState, now: Date) -> TableModel {
        let s = ServiceText.sanitize
        let rows = history.operations.map { operation -> TableModel.Row in
            let e = operation.first
            let values = (operation.result?.values ?? [:]).merging(e.parameters) { answer, _ in answer }
            let plain = values.filter { !reasonKeys.contains($0.key) }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            let reason = reasonKeys.compactMap { values[$0] }.joined(separator: ": ")
            let outcome = self.outcome(operation)
            return TableModel.Row(cells: [UTCTime.short(e.time, now: now), s(e.operatorName), s(e.ticket ?? "-"), s(e.action),
                                          s(plain.joined(separator: " ")), s(reason.isEmpty ? "-" : reason), s(outcome)],
                                  role: operation.outcome == .applied ? nil : "text.error")
        }
        let placeholder = history.error.map { "Cannot read the audit trail: \(s($0))" }
            ?? (history.isLoading ? "Reading the audit trail…" : rows.isEmpty ? "Nothing recorded for this card yet." : nil)
        let count = rows.count == 1 ? "1 operation" : "\(rows.count) operations"
        return TableModel(title: "History — \(s(history.cardId))", header: header, rows: rows, selected: history.selected,
                          placeholder: placeholder, footer: "\(count), newest first")
    }

    /// The outcome as the audit command words it.
    static func outcome(_ operation: AuditOperation) -> String { operation.outcomeText }
}
