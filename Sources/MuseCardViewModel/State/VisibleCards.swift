import Foundation
import Synchronization

/// The card list as shown: filtered by the filter text, ordered by the sort order.
public enum VisibleCards {
    /// The cards that match the filter, in display order.
    public static func list(_ state: ConsoleState) -> [CardEntry] {
        // The common case shares the stored array (no copy, no scan): frames stay cheap with many cards.
        if state.ui.filterText.isEmpty && state.ui.sort == .added { return state.data.cards }
        // Every key and every frame asks again; sorting 10,000 cards took 86 ms a key. The same
        // cards (the array's identity is checked first), filter and order give the same list.
        let key = (state.ui.filterText, state.ui.sort)
        if let hit = memo.withLock({ $0.flatMap { $0.cards == state.data.cards && ($0.filter, $0.sort) == key ? $0.list : nil } }) {
            return hit
        }
        let list = derive(state)
        memo.withLock { $0 = Memo(cards: state.data.cards, filter: key.0, sort: key.1, list: list) }
        return list
    }

    /// The last list derived and what it was derived from.
    private struct Memo: Sendable {
        var cards: [CardEntry]
        var filter: String
        var sort: SortOrder
        var list: [CardEntry]
    }

    private static let memo = Mutex<Memo?>(nil)

    private static func derive(_ state: ConsoleState) -> [CardEntry] {
        let needle = state.ui.filterText.lowercased()
        let matching = needle.isEmpty ? state.data.cards : state.data.cards.filter { matches($0, needle) }
        switch state.ui.sort {
        case .added: return matching
        case .status: return stable(matching) { rank($0.status?.rawValue) < rank($1.status?.rawValue) }
        case .last4: return stable(matching) { ($0.record?.last4 ?? "~") < ($1.record?.last4 ?? "~") }
        case .age: return stable(matching) { ($0.fetchedAt ?? .distantPast) < ($1.fetchedAt ?? .distantPast) }
        }
    }

    static func matches(_ card: CardEntry, _ needle: String) -> Bool {
        let record = card.record
        let haystack = [card.cardId, record?.last4, record?.status.rawValue, record?.embossedName,
                        record?.cardType?.rawValue, record?.cardNetwork, record?.currency]
        return haystack.contains { $0?.lowercased().contains(needle) == true }
    }

    /// Status order for sorting: what needs attention first.
    static func rank(_ status: String?) -> Int {
        ["LOCK", "SUSPENDED", "PENDING_ACTIVE", "ACTIVE", "PENDING_ISSUE", "INIT", "CANCELED"].firstIndex(of: status ?? "") ?? 99
    }

    private static func stable(_ cards: [CardEntry], by less: (CardEntry, CardEntry) -> Bool) -> [CardEntry] {
        cards.enumerated().sorted { a, b in
            less(a.element, b.element) || (!less(b.element, a.element) && a.offset < b.offset)
        }.map(\.element)
    }
}
