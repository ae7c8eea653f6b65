import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore

/// Living together on a team store: events from the other consoles, viewers, busy cards, and
/// the requester's side of four-eyes unlocks.
extension ConsoleReducer {
    /// What unlocking `card` needs, by the operations layer's rule, from what the console knows.
    static func unlockRequirement(_ card: CardEntry, state: ConsoleState) -> UnlockRequirement {
        UnlockGuard.requirement(reason: card.lastLock?.reason?.code, team: state.session.team != nil,
                                fourEyes: state.session.team?.fourEyes ?? false)
    }

    /// `u`: the plain confirmation; for a sensitive lock the last-four form (single agent), the
    /// request form, or, once approved, the confirmation that spends the approval (team).
    func unlockAsked(_ card: CardEntry, state: inout ConsoleState) {
        switch Self.unlockRequirement(card, state: state) {
        case .none:
            state.ui.modal = .confirm(Confirmations.single(.unlock, card: card))
        case .lastFour:
            state.ui.modal = .form(FormCatalog.unlockLastFour(card))
        case .approval:
            let request = state.data.team.requests[card.cardId]
            if let request, request.state == .approved {
                state.ui.modal = .confirm(Confirmations.approvedUnlock(card, request: request))
            } else {
                state.ui.modal = .form(FormCatalog.requestApproval(card, previous: request))
            }
        }
    }

    func teamAction(_ action: ConsoleAction, state: inout ConsoleState) -> [Effect] {
        guard state.session.team != nil else { return [] }
        let open = state.data.cardholder?.userId
        switch action {
        case .startTeam:
            return [.subscribeTeam]
        case .teamListening:
            return [.loadPendingApprovals()] + (open.map { [.loadViewers(userId: $0), .loadBusy(userId: $0)] } ?? [])
        case .teamEvent(let event):
            return teamEvent(event, state: &state)
        case .viewersLoaded(let userId, let viewers):
            if open == userId { state.data.team.viewers = viewers }
        case .busyLoaded(let userId, let busy):
            if open == userId { state.data.team.busy = busy }
        case .teamStoreReachable(let reachable):
            let wasStale = state.data.team.storeStale
            state.data.team.storeStale = !reachable
            guard wasStale, reachable else { return [] }
            return storeBack(state: state)
        case .teamSessionLearned(let team):
            state.session.team = team
        case .cardApprovalLoaded(let userId, let cardId, let request):
            guard open == userId else { return [] }
            return cardApprovalLoaded(userId: userId, cardId: cardId, request: request, state: &state)
        case .approvalRequested(let userId, let cardId, let result):
            return approvalRequested(userId: userId, cardId: cardId, result: result, state: &state)
        case .pendingApprovalsLoaded(let result):
            return pendingApprovalsLoaded(result, state: &state)
        case .approvalDecided(let id, let approve, let result):
            return approvalDecided(id: id, approve: approve, result: result, state: &state)
        case .approvalHistoryLoaded(let requestId, let operations, let error):
            approvalHistoryLoaded(requestId: requestId, operations: operations, error: error, state: &state)
        default:
            break
        }
        return []
    }

    /// The team store answers again: who this console is, where it is, the approvals and the locked
    /// cards' reasons are read again (what changed meanwhile was not heard).
    private func storeBack(state: ConsoleState) -> [Effect] {
        var effects: [Effect] = [.learnTeamSession, .loadPendingApprovals()]
        guard let open = state.data.cardholder?.userId else { return effects }
        effects.append(.announceOpen(userId: open))
        for card in state.data.cards where card.status == .locked { effects.append(.loadLastLock(userId: open, cardId: card.cardId)) }
        return effects
    }

    /// Another console (or this one) did something: re-read what this console shows of it.
    private func teamEvent(_ event: TeamEvent, state: inout ConsoleState) -> [Effect] {
        let open = state.data.cardholder?.userId
        switch event {
        case .cardChanged(let userId, let cardId):
            guard open == userId, let card = state.data.card(cardId) else { return [] }
            // Through the refresh every answer takes; a locked card's reason may have changed too.
            let locked: [Effect] = card.status == .locked ? [.loadLastLock(userId: userId, cardId: cardId)] : []
            return refresh([cardId], state: &state) + locked
        case .approvalsChanged:
            guard let open else { return [.loadPendingApprovals()] }
            let waiting = state.data.team.requests.filter { $0.value.state == .pending || $0.value.state == .approved }.keys.sorted()
            return [.loadPendingApprovals()] + waiting.map { .loadCardApproval(userId: open, cardId: $0) }
        case .viewersChanged(let userId):
            return open == userId ? [.loadViewers(userId: userId)] : []
        case .busyChanged(let userId, _):
            return open == userId ? [.loadBusy(userId: userId)] : []
        }
    }

    /// A locked card's reason is known: a sensitive one in a four-eyes team may have a request going.
    func lastLockLoaded(userId: String, cardId: String, note: LockNote?, state: inout ConsoleState) -> [Effect] {
        guard state.data.cardholder?.userId == userId, let index = state.data.cards.firstIndex(where: { $0.cardId == cardId }) else { return [] }
        state.data.cards[index].lastLock = note
        guard Self.unlockRequirement(state.data.cards[index], state: state) == .approval else { return [] }
        return [.loadCardApproval(userId: userId, cardId: cardId)]
    }

    /// This agent's latest request for a card: the detail pane shows it; an answer is flashed.
    private func cardApprovalLoaded(userId: String, cardId: String, request: ApprovalRequest?, state: inout ConsoleState) -> [Effect] {
        guard let card = state.data.card(cardId) else { return [] }
        // A request from before the card's last lock was about an earlier lock.
        var current = request
        if let request, let lock = card.lastLock, request.requestedAt < lock.time { current = nil }
        let before = state.data.team.requests[cardId]
        state.data.team.requests[cardId] = current
        guard let current else { return [] }
        if before?.id == current.id, before?.state == .pending, current.state != .pending, let answer = ApprovalText.answer(current) {
            let next = current.state == .approved ? " — press u to unlock it" : current.state == .expired ? " — u asks again" : ""
            state.ui.flash = Flash("The unlock of \(cardId) was \(answer)\(next)", current.state == .approved ? .success : .error)
        }
        // Its expiry is read back when it comes, so a request nobody answered does not wait for ever.
        let open = current.state == .pending || current.state == .approved
        return open && before?.id != current.id ? [.loadCardApproval(userId: userId, cardId: cardId, at: current.expiresAt)] : []
    }

    private func approvalRequested(userId: String, cardId: String, result: Result<ApprovalRequest, MusePayError>,
                                   state: inout ConsoleState) -> [Effect] {
        let form = state.ui.sentForm.flatMap { $0.kind == .requestApproval(cardId: cardId) ? $0 : nil }
        if form != nil { state.ui.sentForm = nil }
        switch result {
        case .success(let request):
            guard state.data.cardholder?.userId == userId else { return [] }
            state.data.team.requests[cardId] = request
            state.ui.flash = Flash("Asked for a second person's approval to unlock \(cardId) (\(request.id)); waiting for an approver", .success)
            return [.loadCardApproval(userId: userId, cardId: cardId, at: request.expiresAt)]
        case .failure(let error):
            let text = "Could not ask for approval: \(ServiceText.message(error.description))"
            if var form, state.ui.modal == nil {
                form.error = text
                state.ui.modal = .form(form)
            }
            state.ui.flash = Flash(text, .error)
            return []
        }
    }
}
