import Foundation
import MuseCardKit
import MuseCardStore

/// The approver's side of four-eyes unlocks: the list, approving, denying with a note.
extension ConsoleReducer {
    /// `A`: the requests waiting for a decision.
    func openApprovals(state: inout ConsoleState) -> [Effect] {
        state.ui.modal = .approvals(ApprovalsState())
        return [.loadPendingApprovals()]
    }

    /// The list as the store answered it; the selected request's card's history is read once.
    func pendingApprovalsLoaded(_ result: Result<[ApprovalRequest], MusePayError>, state: inout ConsoleState) -> [Effect] {
        var effects: [Effect] = []
        switch result {
        case .success(let requests):
            let earliest = state.data.team.pending.map(\.expiresAt).min()
            state.data.team.pending = requests
            // The next expiry is read back when it comes, so the badge does not count a request that ran out.
            if let next = requests.map(\.expiresAt).min(), next != earliest { effects.append(.loadPendingApprovals(at: next)) }
            guard case .approvals(var list)? = state.ui.modal else { return effects }
            list.isLoading = false
            list.error = nil
            list.selected = min(list.selected, max(requests.count - 1, 0))
            state.ui.modal = .approvals(list)
            return effects + approvalHistory(state: &state)
        case .failure(let error):
            guard case .approvals(var list)? = state.ui.modal else { return [] }
            list.isLoading = false
            list.error = ServiceText.message(error.description)
            state.ui.modal = .approvals(list)
            return []
        }
    }

    /// Asks for the selected request's card history unless it is shown already.
    private func approvalHistory(state: inout ConsoleState) -> [Effect] {
        guard case .approvals(var list)? = state.ui.modal, state.data.team.pending.indices.contains(list.selected) else { return [] }
        let request = state.data.team.pending[list.selected]
        guard list.historyFor != request.id else { return [] }
        list.historyFor = request.id
        list.history = nil
        list.historyError = nil
        state.ui.modal = .approvals(list)
        return [.loadApprovalHistory(requestId: request.id, userId: request.userId, cardId: request.cardId)]
    }

    func approvalHistoryLoaded(requestId: String, operations: [AuditOperation], error: String?, state: inout ConsoleState) {
        guard case .approvals(var list)? = state.ui.modal, list.historyFor == requestId else { return }
        list.history = operations
        list.historyError = error
        state.ui.modal = .approvals(list)
    }

    /// Keys in the approvals list: move, approve (confirmed), deny (with a note, confirmed), close.
    func approvalsKey(_ key: String, list: ApprovalsState, state: inout ConsoleState) -> [Effect] {
        var list = list
        if let selected = ListKeys.move(key, selected: list.selected, count: state.data.team.pending.count, page: state.ui.listHeight) {
            list.selected = selected
            state.ui.modal = .approvals(list)
            return approvalHistory(state: &state)
        }
        let action = activeKeys(state).action(forKey: key)
        switch (key, action) {
        case ("esc", _), ("q", _), (_, .approvals?):
            state.ui.modal = nil
        case (_, .approveRequest?), (_, .denyRequest?):
            guard state.data.team.pending.indices.contains(list.selected) else {
                state.ui.flash = Flash("No request selected", .info)
                return []
            }
            let request = state.data.team.pending[list.selected]
            let approve = action == .approveRequest
            if let why = Self.whyNotDecide(request, state: state) {
                state.ui.flash = Flash("Cannot \(approve ? "approve" : "deny") \(request.id): \(why)", .error)
                return []
            }
            if approve {
                var confirmation = Confirmations.approve(request)
                confirmation.approvals = list
                state.ui.modal = .confirm(confirmation)
            } else {
                state.ui.modal = .form(FormCatalog.denyApproval(request))
                state.ui.flash = nil
            }
        default:
            if state.session.readOnly, let hidden = keys.action(forKey: key), hidden == .approveRequest || hidden == .denyRequest {
                state.ui.flash = Flash("Cannot decide requests: read-only session", .error)
            }
        }
        return []
    }

    /// Why this console cannot decide `request`; the store refuses the same, whatever a client does.
    static func whyNotDecide(_ request: ApprovalRequest, state: ConsoleState) -> String? {
        guard let team = state.session.team else { return "no team store" }
        if !team.isApprover { return "\(ServiceText.sanitize(team.identity)) does not hold the approver role" }
        if request.requestedBy == team.identity { return "you asked for it; another approver must decide" }
        if state.data.team.storeStale { return ActionAvailability.storeStale }
        return nil
    }

    /// A deny form came back valid: confirm it, Cancel going back to the form.
    func denySubmitted(id: String, note: String, form: FormState, state: inout ConsoleState) -> [Effect] {
        guard let request = state.data.team.pending.first(where: { $0.id == id }) else {
            state.ui.modal = nil
            state.ui.flash = Flash("Request \(id) is no longer waiting", .info)
            return []
        }
        var confirmation = Confirmations.deny(request, note: note)
        confirmation.form = form
        state.ui.modal = .confirm(confirmation)
        return []
    }

    /// A confirmed decision: back to the list (re-read), the store's answer to come.
    func decide(id: String, approve: Bool, note: String?, state: inout ConsoleState) -> [Effect] {
        var list = ApprovalsState()
        if let index = state.data.team.pending.firstIndex(where: { $0.id == id }) { list.selected = index }
        state.ui.modal = .approvals(list)
        state.ui.flash = Flash("\(approve ? "Approving" : "Denying") \(id)…", .info)
        return [.decideApproval(id: id, approve: approve, note: note)]
    }

    /// The store's answer: done, or its reason for refusing (shown as it gave it).
    func approvalDecided(id: String, approve: Bool, result: Result<ApprovalRequest, MusePayError>, state: inout ConsoleState) -> [Effect] {
        let verb = approve ? "approve" : "deny"
        switch result {
        case .success(let request):
            state.data.team.pending.removeAll { $0.id == id }
            let who = ServiceText.sanitize(request.requestedBy)
            state.ui.flash = Flash("\(approve ? "Approved" : "Denied") \(who)'s unlock of card \(ServiceText.sanitize(request.cardId)) (\(id))", .success)
        case .failure(let error):
            state.ui.flash = Flash("Could not \(verb) \(id): \(ServiceText.message(error.description))", .error)
        }
        return [.loadPendingApprovals()]
    }
}
