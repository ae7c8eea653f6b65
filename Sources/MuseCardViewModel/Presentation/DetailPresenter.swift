import Foundation
import MuseCardKit

/// The detail pane of the selected card: every field, the phone masked until asked for.
public enum DetailPresenter {
    public static func lines(_ card: CardEntry, state: ConsoleState, now: Date) -> [DetailLineModel] {
        let s = ServiceText.sanitize
        var out: [DetailLineModel] = [DetailLineModel(label: "Card", value: s(card.cardId))]
        if let r = card.record {
            out.append(DetailLineModel(label: "Status", value: s(r.status.rawValue) + (r.status.isKnown ? "" : " (unknown to MuseCard)"),
                                       role: CardRowPresenter.statusRole(r.status)))
            let fields: [(String, String?)] = [
                ("Type", r.cardType?.rawValue.capitalized), ("Network", r.cardNetwork), ("Last 4", r.last4),
                ("Name", r.embossedName), ("Currency", r.currency),
                ("Balance", r.availableBalance.map(Amount.text)), ("Daily limit", r.dailyPurchaseLimit.map(Amount.text)),
                ("Expiry", r.expiryMonth.map { m in "\(m)/\(r.expiryYear ?? "?")" }),
                ("Product", r.productId), ("Level", r.cardLevel),
                (state.ui.isPhoneRevealed ? "Phone" : "Phone (p)", phone(r, revealed: state.ui.isPhoneRevealed)),
                ("Issued", r.issueDate.map(Self.dateText) ?? r.issueTime),
                ("In person", r.enablePresentTransaction.map { $0 ? "enabled" : "disabled" }),
                ("Online", r.enableNoPresentTransaction.map { $0 ? "enabled" : "disabled" }),
                ("Cardholder", r.userId),
            ]
            out += fields.compactMap { label, value in value.map { DetailLineModel(label: label, value: s($0)) } }
            if r.status == .locked, let lock = card.lastLock {
                out.insert(DetailLineModel(label: "Locked", value: lock.text(now: now), role: "status.locked"), at: 2)
            }
        } else {
            out.append(DetailLineModel(label: "Status", value: card.isLoading ? "loading…" : "not loaded", role: "text.dim"))
        }
        out.append(DetailLineModel(label: "Data age", value: Age.text(since: card.fetchedAt, now: now) + (card.isStale ? " (stale)" : ""),
                                   role: card.isStale ? "text.dim" : nil))
        out += teamLines(card, state: state, now: now)
        if !card.pending.isEmpty {
            out.append(DetailLineModel(label: "", value: "Pending"))
            out += card.pending.map { DetailLineModel(label: "In flight", value: $0) }
        }
        let operations = state.data.operations.filter { $0.cardId == card.cardId }
        out += operations.map { DetailLineModel(label: $0.kind.rawValue.capitalized, value: "\($0.status), request_id \(s($0.requestId))") }
        if let error = card.error {
            out.append(DetailLineModel(label: "", value: "Last error"))
            out.append(DetailLineModel(label: "Error", value: s(error), role: "text.error"))
        }
        return out
    }

    /// `+86 •••••••0000` until revealed (the label says `p` reveals it); never more than the last four digits by default.
    public static func phone(_ record: CardRecord, revealed: Bool) -> String? {
        guard let number = record.phoneNumber else { return nil }
        let area = record.phoneAreaCode.map { "+\($0) " } ?? ""
        if revealed { return area + number }
        let shown = number.suffix(min(4, max(0, number.count - 2)))
        return area + String(repeating: "•", count: number.count - shown.count) + shown
    }

    /// The day only: it fits the narrow pane on one line, and the hour of issue is of no use to an agent.
    static func dateText(_ date: Date) -> String { String(UTCTime.text(date, seconds: false).prefix(10)) }
}
