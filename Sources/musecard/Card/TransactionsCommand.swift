import ArgumentParser
import Foundation
import MuseCardKit

struct TransactionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "transactions", abstract: "List a card's transactions, newest first.")
    @OptionGroup var target: CardTarget
    @Option(name: .customLong("from"), help: "From this day (YYYY-MM-DD, UTC).") var from: String?
    @Option(name: .customLong("to"), help: "Up to this day (YYYY-MM-DD, UTC).") var to: String?
    @Option(name: .customLong("status"), help: "Only this status, e.g. POSTED, PENDING, DECLINED.") var status: String?
    @Option(name: .customLong("type"), help: "Only this type, e.g. CHARGE, TOP_UP.") var type: String?
    @Option(name: .customLong("limit"), help: "At most this many (1-10000, default 50).") var limit = 50
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be 1-10000") }
        for (flag, value) in [("--from", from), ("--to", to)] {
            if let value, (try? Date(value, strategy: .iso8601.year().month().day().dateSeparator(.dash))) == nil {
                throw ValidationError("\(flag) must be a day like 2026-11-25")
            }
        }
    }

    func run() async throws {
        var filters: [String: String] = [:]
        filters["date_range_from"] = from
        filters["date_range_to"] = to
        filters["tx_status"] = status?.uppercased()
        filters["tx_type"] = type?.uppercased()
        let list = try await CardCall.transactions(userId: target.userId, cardId: target.cardId, filters: filters, limit: limit,
                                                   connection: connection)
        if target.json {
            print(JSONValue.array(list.map(\.fields)).prettyText())
        } else {
            print(TransactionText.table(list))
        }
    }
}

/// Transactions as a plain table; declined ones marked so it reads without colour; text sanitised.
enum TransactionText {
    static func table(_ list: [Transaction]) -> String {
        guard !list.isEmpty else { return "No transactions." }
        let s = ServiceText.sanitize
        let rows = list.map { t in
            let amount = [t.amountText, t.currency].compactMap { $0 }.joined(separator: " ")
            let authorised = t.authorisedAmountText.flatMap { $0 == t.amountText ? nil : [$0, t.authorisedCurrency ?? ""].joined(separator: " ") }
            return [time(t.createdAt), s(t.type ?? "-"), (t.isDeclined ? "✗ " : "") + s(t.status ?? "-") + (t.declineReason.map { " (\(s($0)))" } ?? ""),
                    s(amount), s(authorised ?? ""), s(t.merchantName ?? "-"), s(t.merchantMCC ?? ""), s(t.merchantCountry ?? "")]
        }
        return TextTable.render(header: ["TIME (UTC)", "TYPE", "STATUS", "AMOUNT", "AUTHORISED", "MERCHANT", "MCC", "COUNTRY"], rows: rows)
    }

    /// Epoch milliseconds as `2026-11-25 08:15`, or the text as sent.
    static func time(_ text: String?) -> String {
        guard let text else { return "-" }
        guard let ms = Double(text) else { return ServiceText.sanitize(text) }
        return Date(timeIntervalSince1970: ms / 1000).formatted(.iso8601.year().month().day().dateTimeSeparator(.space).time(includingFractionalSeconds: false))
    }
}
