import Foundation

/// The card list as shown: filtered by the filter text, ordered by the sort order.
public enum VisibleCards {
    /// The cards that match the filter, in display order.
    public static func list(_ state: ConsoleState) -> [CardEntry] {
        // The common case shares the stored array (no copy, no scan): frames stay cheap with many cards.
        if state.ui.filterText.isEmpty && state.ui.sort == .added { return state.data.cards }
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
