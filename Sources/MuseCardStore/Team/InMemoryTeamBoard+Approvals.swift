import Foundation

/// The four-eyes rules, as the PostgreSQL driver's database functions enforce them: the
/// requester is stamped, a note is required, only an approver who did not ask decides, a denial
/// needs a note, a request expires, and an approval is spent once on its own card by its requester.
extension InMemoryTeamBoard {
    func request(by identity: String, userId: String, cardId: String, lockReason: String, note: String) throws(ApprovalRefused) -> ApprovalRequest {
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ApprovalRefused("a request needs a note saying why") }
        let at = now()
        let request = ApprovalRequest(id: nextId(), userId: userId, cardId: cardId, lockReason: lockReason, requestedBy: identity,
                                      requestedAt: at, note: note, expiresAt: at.addingTimeInterval(lifetime))
        requests.append(request)
        approvalsChanged()
        return request
    }

    func pending() -> [ApprovalRequest] {
        requests.map(current).filter { $0.state == .pending }.sorted { $0.requestedAt < $1.requestedAt }
    }

    func find(_ id: String) -> ApprovalRequest? {
        requests.first { $0.id == id }.map(current)
    }

    func latest(cardId: String, by identity: String) -> ApprovalRequest? {
        requests.last { $0.cardId == cardId && $0.requestedBy == identity }.map(current)
    }

    func decide(_ id: String, approve: Bool, note: String?, by identity: String, isApprover: Bool) throws(ApprovalRefused) -> ApprovalRequest {
        let verb = approve ? "approve" : "deny"
        guard isApprover else { throw ApprovalRefused("\(identity) does not hold the approver role and cannot \(verb) requests") }
        guard let index = requests.firstIndex(where: { $0.id == id }) else { throw ApprovalRefused("no approval request \(id)") }
        let request = current(requests[index])
        guard request.requestedBy != identity else { throw ApprovalRefused("\(identity) asked for this approval and cannot \(verb) it; a second person must") }
        guard request.state == .pending else { throw ApprovalRefused("request \(id) is \(request.state.rawValue), not pending") }
        let text = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if !approve && (text ?? "").isEmpty { throw ApprovalRefused("a denial needs a note saying why") }
        var decided = request
        decided.state = approve ? .approved : .denied
        decided.decidedBy = identity
        decided.decidedAt = now()
        decided.decisionNote = (text ?? "").isEmpty ? nil : note
        requests[index] = decided
        approvalsChanged()
        return decided
    }

    func consume(_ id: String, cardId: String, by identity: String) throws(ApprovalRefused) -> ApprovalRequest {
        guard let index = requests.firstIndex(where: { $0.id == id }) else { throw ApprovalRefused("no approval request \(id)") }
        let request = current(requests[index])
        guard request.requestedBy == identity else { throw ApprovalRefused("approval \(id) was asked by \(request.requestedBy); only they can use it") }
        guard request.cardId == cardId else { throw ApprovalRefused("approval \(id) is for card \(request.cardId), not \(cardId)") }
        switch request.state {
        case .approved: break
        case .pending: throw ApprovalRefused("approval \(id) is still waiting for an approver")
        case .used: throw ApprovalRefused("approval \(id) was already used for one unlock")
        case .denied, .expired: throw ApprovalRefused("approval \(id) is \(request.state.rawValue)")
        }
        var used = request
        used.state = .used
        requests[index] = used
        approvalsChanged()
        return used
    }

    /// Tells every channel, and re-arms the timer that tells them when the next request expires.
    private func approvalsChanged() {
        hub.send(.approvalsChanged)
        armExpiryTimer()
    }

    /// Waits (in real time) for the earliest pending or approved expiry not yet announced; with a clock that
    /// stands still it never comes due, as nothing expires.
    private func armExpiryTimer() {
        expiryTimer?.cancel()
        let live = requests.filter { ($0.state == .pending || $0.state == .approved) && $0.expiresAt > expiriesAnnounced }
        guard let next = live.map(\.expiresAt).min() else { return expiryTimer = nil }
        let wait = max(0, next.timeIntervalSince(now()))
        expiryTimer = Task { [weak self] in
            do { try await Task.sleep(for: .seconds(wait)) } catch { return }
            await self?.expiryDue(next)
        }
    }

    private func expiryDue(_ at: Date) {
        if now() >= at {
            expiriesAnnounced = max(expiriesAnnounced, at)
            hub.send(.approvalsChanged)
        }
        armExpiryTimer()
    }

    /// The request as it stands now: a pending or approved one past its expiry reads expired.
    private func current(_ request: ApprovalRequest) -> ApprovalRequest {
        guard request.state == .pending || request.state == .approved, now() >= request.expiresAt else { return request }
        var expired = request
        expired.state = .expired
        return expired
    }
}
