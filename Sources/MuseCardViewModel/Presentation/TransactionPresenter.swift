import Foundation
import MuseCardKit

/// Transactions as a table and one transaction whole; declined and failed ones stand out.
enum TransactionPresenter {
    static let header = ["TIME (UTC)", "TYPE", "STATUS", "AMOUNT", "AUTHORISED", "MERCHANT", "MCC", "COUNTRY"]
    /// The theme role of a declined or failed transaction.
    static let declinedRole = "txn.declined"

    static func table(_ list: TransactionsState, keys: KeyTable = .defaults) -> TableModel {
        let s = ServiceText.sanitize
        let rows = list.transactions.map { t -> TableModel.Row in
            // A marker readable without colour, besides the role.
            let status = (t.isDeclined ? "✗ " : "") + s(t.status ?? "?")
            return TableModel.Row(cells: [time(t.createdAt), s(t.type ?? "?"), status, amount(t), authorised(t) ?? "",
                                          s(t.merchantName ?? ""), s(t.merchantMCC ?? ""), s(t.merchantCountry ?? "")],
                                  role: t.isDeclined ? declinedRole : nil)
        }
        let placeholder = list.transactions.isEmpty
            ? list.error.map { "Cannot read transactions: \(s($0))" } ?? (list.isLoading ? "Loading transactions…" : "No transactions.")
            : nil
        var footer = "\(rows.count) transaction\(rows.count == 1 ? "" : "s"), newest first"
        if list.isLoading && !rows.isEmpty { footer += " — loading more…" }
        else if let error = list.error, !rows.isEmpty { footer += " — next page failed: \(s(error)) (move down to retry)" }
        else if list.hasMore && !rows.isEmpty { footer += " — more below" }
        let title = "Transactions — \(s(list.cardId))" + (list.filters.label.map { " (\($0) only)" } ?? "")
        return TableModel(title: title, header: header, rows: rows, selected: list.selected,
                          placeholder: placeholder, footer: footer + "   ⏎ details  "
                          + filterKeys(keys).map { "\($0.0) \($0.1.replacingOccurrences(of: " filter", with: ""))" }.joined(separator: "  ")
                          + "  esc close")
    }

    /// The filter keys of the key table with their labels (`f`, `status filter`), for hints and the footer.
    static func filterKeys(_ keys: KeyTable) -> [(String, String)] {
        [KeyAction.transactionsStatus, .transactionsType, .transactionsDates].compactMap { action in
            keys.binding(action).flatMap { binding in binding.keys.first.map { (HintPresenter.display($0), binding.label) } }
        }
    }

    /// `-12.50 EUR`, as the service wrote the number.
    static func amount(_ t: Transaction) -> String {
        money(t.amountText, t.currency)
    }

    /// The authorised amount, only when it differs from the amount (a hotel's hold).
    static func authorised(_ t: Transaction) -> String? {
        guard let text = t.authorisedAmountText else { return nil }
        let same = JSONFields.decimal(of: text).map { $0 == t.amount } ?? (text == t.amountText)
        return same && (t.authorisedCurrency ?? t.currency) == t.currency ? nil : money(text, t.authorisedCurrency ?? t.currency)
    }

    private static func money(_ text: String?, _ currency: String?) -> String {
        let value = text.flatMap(JSONFields.decimal(of:)).map(Amount.text) ?? text ?? "?"
        return ServiceText.sanitize(value + (currency.map { " \($0)" } ?? ""))
    }

    /// Epoch milliseconds (as the service sends them) in UTC, to the minute (to the second with
    /// `seconds`, zone named); other text as it came.
    static func time(_ text: String?, seconds: Bool = false) -> String {
        guard let text else { return "?" }
        guard text.count >= 12, text.allSatisfy(\.isASCII), let ms = Int64(text) else { return ServiceText.sanitize(text) }
        let full = UTCTime.text(Date(timeIntervalSince1970: TimeInterval(ms) / 1000), seconds: seconds)
        return seconds ? full : String(full.dropLast(4))
    }

    /// Every field of one transaction, for the detail popup: the known ones first, then the rest as sent.
    static func detail(_ t: Transaction) -> (title: String, lines: [String]) {
        let s = ServiceText.sanitize
        let known: [(String, String?)] = [
            ("Detail id", t.detailId), ("Status", t.status.map { (t.isDeclined ? "✗ " : "") + $0 }), ("Decline reason", t.declineReason),
            ("Type", t.type), ("Amount", amount(t)), ("Authorised", authorised(t)), ("Created", t.createdAt.map { time($0, seconds: true) }),
            ("Posted", t.postedAt.map { time($0, seconds: true) }), ("Merchant", t.merchantName), ("MCC", t.merchantMCC),
            ("Country", t.merchantCountry), ("Category", t.merchantCategory),
        ]
        var lines = known.compactMap { label, value in value.map { "\(label): \(s($0))" } }
        let shown: Set<String> = ["detailId", "txStatus", "declineReason", "txType", "txAmount", "txCurrency", "authorization",
                                  "txCreatedAt", "txPostedAt", "merchant"]
        for (key, value) in (t.fields.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) where !shown.contains(key) {
            if let text = value.scalarText { lines.append("\(s(key)): \(s(text))") }
        }
        return ("Transaction \(s(t.detailId ?? ""))", lines)
    }
}
