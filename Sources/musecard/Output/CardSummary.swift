import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardViewModel

/// Human-readable lines for card answers on the command line; network text is sanitised.
enum CardSummary {
    static func lines(_ card: CardRecord) -> [String] {
        let s = ServiceText.sanitize
        var rows: [(String, String?)] = [
            ("status", card.status.rawValue),
            ("cardholder", card.userId),
            ("type", card.cardType?.rawValue),
            ("network", card.cardNetwork),
            ("last 4", card.last4),
            ("embossed name", card.embossedName),
            ("currency", card.currency),
            ("balance", card.availableBalance.map(Amount.text)),
            ("daily limit", card.dailyPurchaseLimit.map(Amount.text)),
            ("expiry", card.expiryMonth.flatMap { month in card.expiryYear.map { "\(month)/\($0)" } }),
            ("product", card.productId.map { p in card.cardLevel.map { "\(p) level \($0)" } ?? p }),
            // Masked as the console masks it; --json has the whole record for scripts.
            ("phone", DetailPresenter.phone(card, revealed: false)),
            ("issued", card.issueDate.map { ISO8601DateFormatter().string(from: $0) } ?? card.issueTime),
        ]
        rows.append(("card-present", card.enablePresentTransaction.map { $0 ? "enabled" : "disabled" }))
        rows.append(("card-not-present", card.enableNoPresentTransaction.map { $0 ? "enabled" : "disabled" }))
        return ["Card \(s(card.cardId))"] + rows.compactMap { label, value in
            value.map { "  " + label.padding(toLength: 17, withPad: " ", startingAt: 0) + s($0) }
        }
    }

    static func statusChange(_ report: OperationReport) -> [String] {
        statusChange(report, before: nil)
    }

    /// The new status; `before` (asked just before sending) tells a lock of a locked card apart.
    static func statusChange(_ report: OperationReport, before: CardStatus?) -> [String] {
        let card = ServiceText.sanitize(report.operation.cardId ?? "?")
        guard case .status(let status)? = report.answer, let status else { return ["Card \(card): \(report.operation.name.rawValue) done (status not given)."] }
        if before == status { return ["Card \(card) was already \(ServiceText.sanitize(status.rawValue)); nothing changed."] }
        return ["Card \(card) is now \(ServiceText.sanitize(status.rawValue))."]
    }

    /// An amount as the console prints it (`1,250.50`); text that is not a number is left alone.
    static func money(_ text: String) -> String {
        Decimal(string: text).map(Amount.text) ?? text
    }
}
