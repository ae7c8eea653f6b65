import Foundation
import MuseCardKit
import MuseCardStore

extension DetailPresenter {
    /// What the team knows of the card: someone else's change in flight, this agent's request.
    static func teamLines(_ card: CardEntry, state: ConsoleState, now: Date) -> [DetailLineModel] {
        var lines: [DetailLineModel] = []
        if let who = state.data.team.busy[card.cardId] {
            lines.append(DetailLineModel(label: "Busy", value: "\(ServiceText.sanitize(who)) is changing this card", role: "text.error"))
        }
        guard card.status == .locked, let request = state.data.team.requests[card.cardId] else { return lines }
        if let line = approvalLine(request, now: now) { lines.append(line) }
        return lines
    }

    /// `waiting since 12:03 (apr-1)`, `approved by carol — u unlocks`, `denied by carol: note`, `expired`.
    static func approvalLine(_ request: ApprovalRequest, now: Date) -> DetailLineModel? {
        var shown = request
        if shown.state == .pending || shown.state == .approved, shown.expiresAt <= now { shown.state = .expired }
        switch shown.state {
        case .pending:
            return DetailLineModel(label: "Approval", value: "waiting since \(UTCTime.short(request.requestedAt, now: now)) (\(ServiceText.sanitize(request.id)))",
                                   role: "status.pending")
        case .approved:
            return DetailLineModel(label: "Approval", value: (ApprovalText.answer(shown) ?? "approved") + " — u unlocks", role: "status.active")
        case .denied, .expired:
            return DetailLineModel(label: "Approval", value: (ApprovalText.answer(shown) ?? shown.state.rawValue) + " — u asks again", role: "text.error")
        case .used:
            return nil
        }
    }
}
