import Foundation

/// Which cards to refresh when a cardholder's cached cards arrive: what the agent sees now,
/// the rest later and slowly, so opening costs the same with 10 cards as with 10,000.
enum RefreshPolicy {
    /// The visible rows among the `added` cards are queried at once (marked loading); every other
    /// card is handed to the background refresh, never fetched first, then oldest first. A list
    /// that arrives in parts (a first screenful, then the rest) asks for each visible row once.
    static func afterLoading(_ added: Set<String>, state: inout ConsoleState) -> [Effect] {
        guard let userId = state.data.cardholder?.userId, !added.isEmpty else { return [] }
        let list = VisibleCards.list(state)
        let height = max(1, state.ui.listHeight)
        let offset = min(state.ui.scrollOffset, max(0, list.count - height))
        let visible = list.dropFirst(offset).prefix(height).map(\.cardId)
        var effects = ConsoleReducer().refresh(visible.filter(added.contains), state: &state)
        let shown = Set(visible)
        var rest = state.data.cards.filter { !shown.contains($0.cardId) && !$0.isLoading }
            .map { CardAge(cardId: $0.cardId, fetchedAt: $0.fetchedAt) }
        guard !rest.isEmpty, added.contains(where: { !shown.contains($0) }) else { return effects }
        // Stable: equal ages keep the list order.
        rest = rest.enumerated().sorted { a, b in
            let (x, y) = (a.element.fetchedAt ?? .distantPast, b.element.fetchedAt ?? .distantPast)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        effects.append(.refreshInBackground(userId: userId, cards: rest))
        return effects
    }
}
