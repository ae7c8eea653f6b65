import Foundation
import MuseCardKit

/// Transactions as a table and one transaction whole; declined and failed ones stand out.
enum TransactionPresenter {
    static let header = ["TIME", "TYPE", "STATUS", "AMOUNT", "MERCHANT"]
    /// Statuses that mean the payment did not go through.
    static let failedStatuses: Set<String> = ["DECLINED", "FAILED", "REJECTED", "REFUSED"]
    /// The theme role of a declined or failed transaction.
    static let declinedRole = "txn.declined"

    static func isFailed(_ transaction: Transaction) -> Bool {
        failedStatuses.contains(transaction.status?.uppercased() ?? "")
    }

    static func table(_ list: TransactionsState) -> TableModel {
        let s = ServiceText.sanitize
        let rows = list.transactions.map { t -> TableModel.Row in
            let failed = isFailed(t)
            // A marker readable without colour, besides the role.
            let status = (failed ? "✗ " : "") + s(t.status ?? "?")
            return TableModel.Row(cells: [s(t.createdAt ?? "?"), s(t.type ?? "?"), status, amount(t), s(t.merchantName ?? "")],
                                  role: failed ? declinedRole : nil)
        }
        let placeholder = list.transactions.isEmpty
            ? list.error.map { "Cannot read transactions: \(s($0))" } ?? (list.isLoading ? "Loading transactions…" : "No transactions.")
            : nil
        var footer = "\(rows.count) transaction\(rows.count == 1 ? "" : "s"), newest first"
        if list.isLoading && !rows.isEmpty { footer += " — loading more…" }
        else if let error = list.error, !rows.isEmpty { footer += " — next page failed: \(s(error)) (move down to retry)" }
        else if list.hasMore && !rows.isEmpty { footer += " — more below" }
        return TableModel(title: "Transactions — \(s(list.cardId))", header: header, rows: rows, selected: list.selected,
                          placeholder: placeholder, footer: footer + "   ⏎ details  esc close")
    }

    /// `-12.50 EUR`, as the service wrote the number.
    static func amount(_ t: Transaction) -> String {
        let value = t.amount.map(Amount.text) ?? t.amountText ?? "?"
        return ServiceText.sanitize(value + (t.currency.map { " \($0)" } ?? ""))
    }

    /// Every field of one transaction, for the detail popup.
    static func detail(_ t: Transaction) -> (title: String, lines: [String]) {
        let s = ServiceText.sanitize
        let fields: [(String, String?)] = [
            ("Detail id", t.detailId), ("Status", t.status.map { (isFailed(t) ? "✗ " : "") + $0 }), ("Type", t.type),
            ("Amount", amount(t)), ("Created", t.createdAt), ("Posted", t.postedAt), ("Merchant", t.merchantName),
        ]
        return ("Transaction \(s(t.detailId ?? ""))", fields.compactMap { label, value in value.map { "\(label): \(s($0))" } })
    }
}
