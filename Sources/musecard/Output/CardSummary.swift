import Foundation
import MuseCardKit
import MuseCardOperations

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
            ("balance", card.availableBalance.map(JSONObjectBuilder.text(of:))),
            ("daily limit", card.dailyPurchaseLimit.map(JSONObjectBuilder.text(of:))),
            ("expiry", card.expiryMonth.flatMap { month in card.expiryYear.map { "\(month)/\($0)" } }),
            ("product", card.productId.map { p in card.cardLevel.map { "\(p) level \($0)" } ?? p }),
            ("phone", card.phoneNumber.map { number in "+\(card.phoneAreaCode ?? "?") \(number)" }),
            ("issued", card.issueDate.map { ISO8601DateFormatter().string(from: $0) } ?? card.issueTime),
        ]
        rows.append(("card-present", card.enablePresentTransaction.map { $0 ? "enabled" : "disabled" }))
        rows.append(("card-not-present", card.enableNoPresentTransaction.map { $0 ? "enabled" : "disabled" }))
        return ["Card \(s(card.cardId))"] + rows.compactMap { label, value in
            value.map { "  " + label.padding(toLength: 17, withPad: " ", startingAt: 0) + s($0) }
        }
    }

    static func statusChange(_ report: OperationReport) -> [String] {
        let card = ServiceText.sanitize(report.operation.cardId ?? "?")
        guard case .status(let status)? = report.answer, let status else { return ["Card \(card): \(report.operation.name.rawValue) done (status not given)."] }
        return ["Card \(card) is now \(ServiceText.sanitize(status.rawValue))."]
    }
}
