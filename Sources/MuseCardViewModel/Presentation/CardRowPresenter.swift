import Foundation
import MuseCardKit

/// One card as a list row: sanitised text, formatted amounts, age, status role and marker.
public enum CardRowPresenter {
    public static func row(_ card: CardEntry, now: Date) -> CardRowModel {
        let record = card.record
        let marker: CardRowModel.Marker = card.isLoading || !card.pending.isEmpty ? .loading
            : card.error != nil && record == nil ? .failed
            : card.isStale || card.error != nil ? .stale : .none
        return CardRowModel(
            cardId: ServiceText.sanitize(card.cardId),
            status: record.map { ServiceText.sanitize($0.status.rawValue) } ?? (card.error != nil ? "ERROR" : "…"),
            statusRole: statusRole(record?.status),
            last4: record?.last4.map(ServiceText.sanitize) ?? "",
            type: record?.cardType.map { ServiceText.sanitize($0.rawValue.capitalized) } ?? "",
            network: record?.cardNetwork.map(ServiceText.sanitize) ?? "",
            currency: record?.currency.map(ServiceText.sanitize) ?? "",
            balance: record?.availableBalance.map(Amount.text) ?? "",
            dailyLimit: record?.dailyPurchaseLimit.map(Amount.text) ?? "",
            embossedName: record?.embossedName.map { ServiceText.sanitize($0).trimmingCharacters(in: .whitespaces) } ?? "",
            age: Age.text(since: card.fetchedAt, now: now),
            marker: marker
        )
    }

    /// The theme role of a status; unknown values get `status.unknown`.
    public static func statusRole(_ status: CardStatus?) -> String {
        switch status {
        case .active?: return "status.active"
        case .locked?: return "status.locked"
        case .pendingActive?, .pendingIssue?, .initial?: return "status.pending"
        case .suspended?: return "status.suspended"
        case .canceled?: return "status.canceled"
        default: return "status.unknown"
        }
    }
}

/// Short ages for data: `now`, `42s`, `5m`, `3h`, `2d`, or `—` when never fetched.
public enum Age {
    public static func text(since date: Date?, now: Date) -> String {
        guard let date else { return "—" }
        let seconds = Int(max(0, now.timeIntervalSince(date)))
        switch seconds {
        case ..<5: return "now"
        case ..<60: return "\(seconds)s"
        case ..<3600: return "\(seconds / 60)m"
        case ..<86_400: return "\(seconds / 3600)h"
        default: return "\(seconds / 86_400)d"
        }
    }
}

/// Money with two decimals and thousands separators, independent of the locale.
public enum Amount {
    public static func text(_ value: Decimal) -> String {
        var rounded = Decimal()
        var copy = value
        NSDecimalRound(&rounded, &copy, 2, .bankers)
        let plain = JSONObjectBuilder.text(of: rounded)
        let negative = plain.hasPrefix("-")
        let digits = negative ? String(plain.dropFirst()) : plain
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var grouped = ""
        for (index, character) in whole.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        let padded = (fraction + "00").prefix(2)
        return (negative ? "-" : "") + String(grouped.reversed()) + "." + padded
    }
}
