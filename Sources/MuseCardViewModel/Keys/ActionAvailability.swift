import MuseCardKit

/// Whether an action fits the current state, and if not, why — the API.md status table.
public enum ActionAvailability {
    /// `nil` when `action` is allowed now; otherwise a short reason a person understands.
    public static func whyNot(_ action: KeyAction, in state: ConsoleState) -> String? {
        let isMutating = KeyTable.defaults.binding(action)?.isMutating == true
        if state.session.readOnly, isMutating { return "read-only session" }
        if state.data.team.storeStale, isMutating { return Self.storeStale }
        if MarkedCards.apply(to: action, in: state) { return MarkedCards.whyNot(action, in: state) }
        switch action {
        case .lock, .unlock, .activate, .activatePhysical, .updatePhone, .changeLimit, .changePIN, .replace, .sensitiveInfo:
            return cardActionReason(action, state: state)
        case .refresh, .forgetCard, .history, .transactions, .copy, .mark:
            guard let card = selectedCard(state) else { return "no card selected" }
            if action == .refresh && card.isLoading { return "already refreshing" }
            return nil
        case .lockAll:
            if state.data.cardholder == nil { return "no cardholder open" }
            if state.data.offline { return "offline" }
            return lockableCards(state).isEmpty ? "no active card to lock" : nil
        case .markAll:
            if state.data.cardholder == nil { return "no cardholder open" }
            return VisibleCards.list(state).isEmpty ? "no card shown" : nil
        case .refreshAll:
            if state.data.cardholder == nil { return "no cardholder open" }
            return state.data.cards.isEmpty ? "no cards known" : nil
        case .apply:
            if state.data.cardholder == nil { return "no cardholder open" }
            return state.data.offline ? "offline" : nil
        case .addCard:
            return state.data.cardholder == nil ? "no cardholder open" : nil
        case .actionMenu:
            if state.data.cardholder == nil { return "no cardholder open" }
            // The menu is about the selected card; without cards it still offers apply and add.
            return !state.data.cards.isEmpty && selectedCard(state) == nil ? "no card selected" : nil
        case .moveDown, .moveUp, .first, .last, .pageDown, .pageUp, .openCardholder, .filter, .sort, .togglePhone, .help, .quit, .back,
             .commandLine:
            return nil
        case .transactionsStatus, .transactionsType, .transactionsDates:
            return "only in the transactions view (t)"
        case .approvals:
            return state.session.team == nil ? "no team store (this profile is single-agent)" : nil
        case .approveRequest, .denyRequest:
            return "only in the approvals list (A)"
        }
    }

    /// Why nothing may change while the team store is away.
    public static let storeStale = "team store unreachable — no change can be recorded"

    /// An unlock that waits for a second person's answer to this agent's request.
    private static func waitingForApproval(_ card: CardEntry, state: ConsoleState) -> String? {
        guard ConsoleReducer.unlockRequirement(card, state: state) == .approval, let request = state.data.team.requests[card.cardId],
              request.state == .pending else { return nil }
        return "waiting for a second person's approval (asked \(UTCTime.clock(request.requestedAt)) UTC)"
    }

    /// Active cards that "lock every active card" would lock, in list order.
    public static func lockableCards(_ state: ConsoleState) -> [String] {
        state.data.cards.filter { $0.status == .active && $0.pending.isEmpty }.map(\.cardId)
    }

    /// The selected card while its row is visible: a card the filter hides is never acted on.
    static func selectedCard(_ state: ConsoleState) -> CardEntry? {
        guard let id = state.ui.selectedCardId else { return nil }
        let card: CardEntry?
        if let index = state.ui.selectionHint.value, state.data.cards.indices.contains(index), state.data.cards[index].cardId == id {
            card = state.data.cards[index]
        } else {
            card = state.data.card(id)
        }
        guard let card, state.ui.filterText.isEmpty || VisibleCards.matches(card, state.ui.filterText.lowercased()) else { return nil }
        return card
    }

    private static func cardActionReason(_ action: KeyAction, state: ConsoleState) -> String? {
        guard let card = selectedCard(state) else { return "no card selected" }
        if card.isUnknownToService { return "MusePay does not know this card; forget it (action menu)" }
        guard let record = card.record else {
            return card.error == nil ? "card not loaded yet — refresh it first (r)" : "card could not be loaded — refresh it (r)"
        }
        if let busy = card.pending.first { return "busy: \(busy) in progress" }
        if let who = state.data.team.busy[card.cardId] { return "busy: \(ServiceText.sanitize(who)) is changing this card" }
        if state.data.offline { return "offline" }
        let status = record.status
        let isPhysical = record.cardType == .physical
        func needs(_ allowed: [CardStatus], _ what: String) -> String? {
            allowed.contains(status) ? nil : "card is \(status.rawValue); \(what) needs \(allowed.map(\.rawValue).joined(separator: " or "))"
        }
        switch action {
        case .lock: return needs([.active], "lock")
        case .unlock: return needs([.locked], "unlock") ?? waitingForApproval(card, state: state)
        case .activate:
            if isPhysical && status == .pendingActive { return "physical card: use activate physical" }
            return needs([.pendingActive], "activate")
        case .activatePhysical:
            if !isPhysical { return "not a physical card" }
            return needs([.pendingActive], "activate physical")
        case .updatePhone, .changeLimit:
            return status == .canceled ? "card is CANCELED" : nil
        case .changePIN: return needs([.active, .locked], "change PIN")
        case .sensitiveInfo: return needs([.active], "reveal card data")
        case .replace: return needs([.active, .locked, .suspended], "replace")
        default: return nil
        }
    }
}
