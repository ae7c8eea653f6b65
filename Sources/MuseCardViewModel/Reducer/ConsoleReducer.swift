import Foundation
import MuseCardKit

/// The console's behaviour: `reduce(state:action:)` changes the state and returns effects to run.
public struct ConsoleReducer: Sendable {
    public var keys: KeyTable

    public init(keys: KeyTable = .defaults) { self.keys = keys }

    /// Applies `action` to `state` and returns the work to do outside.
    public func reduce(state: inout ConsoleState, action: ConsoleAction) -> [Effect] {
        let effects = apply(action, to: &state)
        // Moving through the list changes nothing in flight; everything else may.
        switch action {
        case .keyPressed, .pasted, .terminalTooSmall, .viewportChanged: if !effects.isEmpty { state.data.recountInFlight() }
        default: state.data.recountInFlight()
        }
        return effects
    }

    private func apply(_ action: ConsoleAction, to state: inout ConsoleState) -> [Effect] {
        switch action {
        case .keyPressed(let key):
            return keyPressed(key, state: &state)
        case .pasted(let text):
            return pasted(text, state: &state)
        case .terminalTooSmall(let tooSmall):
            state.ui.isTerminalTooSmall = tooSmall
            return []
        case .viewportChanged(let height):
            state.ui.listHeight = max(1, height)
            Navigation.keepSelectionVisible(&state)
            return []
        case .openCardholder(let userId, let label, let ticket):
            return open(userId: userId, label: label, ticket: ticket, state: &state)
        case .showPicker:
            state.ui.modal = .picker(PickerState())
            return [.loadCardholders]
        case .cardholdersLoaded(let known):
            state.data.knownCardholders = known
            if case .picker(var picker)? = state.ui.modal {
                picker.isLoading = false
                state.ui.modal = .picker(picker)
            }
            return []
        case .cachedCardsLoaded(let userId, let cards):
            return cachedCardsLoaded(userId: userId, cards: cards, state: &state)
        case .pendingOperationsLoaded(let userId, let operations):
            guard state.data.cardholder?.userId == userId else { return [] }
            return followPending(operations, userId: userId, state: &state)
        case .cardFetched(let userId, let cardId, let result, let at):
            guard state.data.cardholder?.userId == userId else { return [] }
            return ResultHandling.cardFetched(cardId: cardId, result: result, at: at, state: &state)
        case .commandFinished(let userId, let command, let result, let at):
            guard state.data.cardholder?.userId == userId else { return [] }
            return ResultHandling.commandFinished(command, result: result, at: at, userId: userId, state: &state)
        case .applicationPolled(let userId, let requestId, let result, let at):
            guard state.data.cardholder?.userId == userId else { return [] }
            return ResultHandling.applicationPolled(requestId: requestId, result: result, at: at, userId: userId, state: &state)
        case .cardAdded(let userId, let cardId):
            guard state.data.cardholder?.userId == userId else { return [] }
            if state.data.card(cardId) == nil { state.data.cards.append(CardEntry(cardId: cardId)) }
            state.ui.selectedCardId = cardId
            Navigation.keepSelectionVisible(&state)
            return refresh([cardId], state: &state)
        case .batchFinished(let userId, let action, let succeeded, let failed):
            guard state.data.cardholder?.userId == userId else { return [] }
            let text = "\(action): \(succeeded) done" + (failed > 0 ? ", \(failed) failed (see the rows)" : "")
            state.ui.flash = Flash(text, failed > 0 ? .error : .success)
            return []
        case .storeFailed(let message):
            state.ui.flash = Flash("Local cache or audit trail: \(message)", .error)
            return []
        case .notice(let message):
            state.ui.flash = Flash(message, .info)
            return []
        }
    }

    /// Opens a cardholder: cached cards first, then a refresh of all of them.
    func open(userId: String, label: String?, ticket: String?, state: inout ConsoleState) -> [Effect] {
        state.data.cardholder = Cardholder(userId: userId, label: label, ticket: ticket)
        state.data.cards = []
        state.data.operations = []
        state.ui.selectedCardId = nil
        state.ui.filterText = ""
        state.ui.isEditingFilter = false
        state.ui.scrollOffset = 0
        state.ui.modal = nil
        state.ui.isPhoneRevealed = false
        state.ui.flash = Flash("Opened cardholder \(userId)" + (ticket.map { " for ticket \($0)" } ?? ""), .info)
        return [.loadCardholder(userId: userId, label: label)]
    }

    private func cachedCardsLoaded(userId: String, cards: [CardEntry], state: inout ConsoleState) -> [Effect] {
        guard state.data.cardholder?.userId == userId else { return [] }
        var known = Set(state.data.cards.map(\.cardId))
        for card in cards where known.insert(card.cardId).inserted {
            state.data.cards.append(card)
        }
        if state.ui.selectedCardId == nil { state.ui.selectedCardId = VisibleCards.list(state).first?.cardId }
        return refresh(state.data.cards.map(\.cardId), state: &state)
    }

    /// Marks cards loading and asks for them, bounded by the session's concurrency.
    func refresh(_ cardIds: [String], state: inout ConsoleState) -> [Effect] {
        guard let userId = state.data.cardholder?.userId else { return [] }
        let asked = Set(cardIds)
        var idle: Set<String> = []
        for index in state.data.cards.indices where asked.contains(state.data.cards[index].cardId) && !state.data.cards[index].isLoading {
            idle.insert(state.data.cards[index].cardId)
            state.data.cards[index].isLoading = true
        }
        // In the order asked, each once.
        let ids = cardIds.filter { idle.remove($0) != nil }
        guard !ids.isEmpty else { return [] }
        return [.fetchCards(userId: userId, cardIds: ids, maxConcurrent: state.session.maxConcurrentRefreshes)]
    }

    private func followPending(_ operations: [FollowedOperation], userId: String, state: inout ConsoleState) -> [Effect] {
        var effects: [Effect] = []
        for operation in operations where !state.data.operations.contains(where: { $0.requestId == operation.requestId }) {
            var followed = operation
            followed.isInFlight = operation.kind == .apply
            state.data.operations.append(followed)
            if operation.kind == .apply {
                effects.append(.pollApplication(userId: userId, requestId: operation.requestId, applyId: operation.applyId, after: .zero))
            }
        }
        if !operations.isEmpty {
            state.ui.flash = Flash("Resuming \(operations.count) interrupted operation(s) with their original request ids", .info)
        }
        return effects
    }
}
