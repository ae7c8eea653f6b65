import Foundation
import MuseCardKit
import MuseCardStore

/// `cards list` output: a table for people, JSON for scripts; cached network text is sanitised.
enum CachedCardText {
    static func table(_ cards: [CachedCard], user: String, now: Date) -> String {
        let s = ServiceText.sanitize
        guard !cards.isEmpty else { return "No cards cached for cardholder \(s(user)). Add one with: musecard cards add --user \(s(user)) --card CARD" }
        let header = ["CARD", "STATUS", "LAST 4", "FETCHED", "LAST ERROR"]
        let rows = cards.map { card in
            [s(card.cardId), s(card.record?.status.rawValue ?? "-"), s(card.record?.last4 ?? "-"),
             card.fetchedAt.map { age(since: $0, now: now) } ?? "never", s(card.lastError ?? "")]
        }
        return TextTable.render(header: header, rows: rows)
    }

    static func json(_ cards: [CachedCard]) -> String {
        let values: [JSONValue] = cards.map { card in
            var b = JSONObjectBuilder()
            b.set("user_id", card.userId)
            b.set("card_id", card.cardId)
            b.set("card_status", card.record?.status.rawValue)
            b.set("card_no_last4", card.record?.last4)
            b.set("fetched_at", card.fetchedAt.map(iso))
            b.set("last_error", card.lastError)
            b.set("last_error_at", card.lastErrorAt.map(iso))
            b.set("added_at", iso(card.addedAt))
            b.set("record", json: card.record?.json)
            return b.object
        }
        return JSONValue.array(values).prettyText()
    }

    /// `42s ago`, `5m ago`, `3h ago`, `2d ago`.
    static func age(since date: Date, now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        switch seconds {
        case ..<60: return "\(seconds)s ago"
        case ..<3600: return "\(seconds / 60)m ago"
        case ..<86400: return "\(seconds / 3600)h ago"
        default: return "\(seconds / 86400)d ago"
        }
    }

    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }
}
