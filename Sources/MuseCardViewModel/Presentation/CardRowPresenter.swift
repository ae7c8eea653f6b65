import Foundation
import MuseCardKit

/// One card as a list row: sanitised text, formatted amounts, age, status role and marker.
public enum CardRowPresenter {
    public static func row(_ card: CardEntry, now: Date, marked: Bool = false) -> CardRowModel {
        let record = card.record
        let marker: CardRowModel.Marker = card.isLoading || !card.pending.isEmpty ? .loading
            : card.error != nil && record == nil ? .failed
            : card.isStale || card.error != nil ? .stale : .none
        return CardRowModel(
            cardId: ServiceText.sanitize(card.cardId),
            status: record.map { ServiceText.sanitize($0.status.rawValue) } ?? (card.error != nil ? "ERROR" : "…"),
            statusRole: statusRole(record?.status),
            last4: record?.last4.map(ServiceText.sanitize) ?? "",
            type: record?.cardType.map { ServiceText.sanitize(Self.capitalized($0.rawValue)) } ?? "",
            network: record?.cardNetwork.map(ServiceText.sanitize) ?? "",
            currency: record?.currency.map(ServiceText.sanitize) ?? "",
            balance: record.flatMap { $0.availableBalanceText.flatMap(Amount.plain) ?? $0.availableBalance.map(Amount.text) } ?? "",
            dailyLimit: record.flatMap { $0.dailyPurchaseLimitText.flatMap(Amount.plain) ?? $0.dailyPurchaseLimit.map(Amount.text) } ?? "",
            embossedName: record?.embossedName.map { Self.trimmed(ServiceText.sanitize($0)) } ?? "",
            age: Age.text(since: card.fetchedAt, now: now),
            marker: marker,
            isMarked: marked
        )
    }

    /// `capitalized` without Foundation for one ASCII word (every row, every frame): the first
    /// letter upper case, the rest lower case; anything else goes through Foundation.
    static func capitalized(_ text: String) -> String {
        let letter: (UInt8) -> Bool = { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        guard text.utf8.allSatisfy(letter), let first = text.first else { return text.capitalized }
        return first.uppercased() + text.dropFirst().lowercased()
    }

    /// Spaces and tabs trimmed at both ends; text that has none there is returned as is.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        if !blank(first) && !blank(last) && first < 0x80 && last < 0x80 { return text }
        return text.trimmingCharacters(in: .whitespaces)
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
    /// `text` straight from a plain JSON literal with at most two decimals (what the service
    /// sends), without `Decimal` arithmetic; nil for anything else (exponents, more decimals…).
    public static func plain(_ literal: String) -> String? {
        let digit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        var body = Substring(literal)
        let negative = body.first == "-"
        if negative { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, (1...30).contains(whole.utf8.count), whole.utf8.allSatisfy(digit),
              whole.utf8.count == 1 || whole.first != "0" else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.utf8.count <= 2, fraction.utf8.allSatisfy(digit), parts.count == 1 || !fraction.isEmpty else { return nil }
        // Negative zero reads as zero through Decimal; leave it to that path.
        if negative && (whole + fraction).utf8.allSatisfy({ $0 == 0x30 }) { return nil }
        var grouped = ""
        for (index, character) in whole.enumerated() {
            if index > 0 && (whole.utf8.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (negative ? "-" : "") + grouped + "." + fraction + String(repeating: "0", count: 2 - fraction.utf8.count)
    }

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
