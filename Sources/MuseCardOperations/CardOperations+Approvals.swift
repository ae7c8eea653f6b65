import Foundation
import MuseCardKit
import MuseCardStore

/// Four-eyes approvals as operations: the console and the CLI call these and hold no rule; the
/// store enforces who may decide, and stamps who asked.
extension CardOperations {
    /// Asks a second person to approve one unlock of a card locked for a sensitive reason; the note says why.
    public func requestApproval(userId: String, cardId: String, note: String) async throws(MusePayError) -> ApprovalRequest {
        let team = try teamForApprovals()
        try FieldRules.id(userId, field: "user_id")
        try FieldRules.id(cardId, field: "card_id")
        try FieldRules.printable(note, field: "note", max: LockReason.maxNoteLength)
        try refuseIfReadOnly("asking for an approval")
        let (requirement, lock) = try await unlockRequirement(userId: userId, cardId: cardId)
        guard requirement == .approval, let code = lock?.reason?.code else {
            let why = team.channel.fourEyes ? "was not locked for a sensitive reason (last lock: \(lock?.reason?.code.rawValue ?? "none recorded"))"
                : "needs no approval: four-eyes is off for this profile"
            throw .validation(field: "card_id", reason: "card \(cardId) \(why)")
        }
        return try await teamStore { try await team.approvals.requestApproval(userId: userId, cardId: cardId, lockReason: code.rawValue, note: note) }
    }

    /// Approves a pending request (never one's own: the store refuses it).
    public func approve(id: String, note: String?) async throws(MusePayError) -> ApprovalRequest {
        let team = try teamForApprovals()
        try FieldRules.id(id, field: "approval")
        let text = note.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        if let text { try FieldRules.printable(text, field: "note", max: LockReason.maxNoteLength) }
        try refuseIfReadOnly("approving")
        return try await teamStore { try await team.approvals.approve(id: id, note: text) }
    }

    /// Denies a pending request; the note saying why is required.
    public func deny(id: String, note: String) async throws(MusePayError) -> ApprovalRequest {
        let team = try teamForApprovals()
        try FieldRules.id(id, field: "approval")
        try FieldRules.printable(note, field: "note", max: LockReason.maxNoteLength)
        try refuseIfReadOnly("denying")
        return try await teamStore { try await team.approvals.deny(id: id, note: note) }
    }

    /// Requests waiting for a decision, oldest first.
    public func pendingApprovals() async throws(MusePayError) -> [ApprovalRequest] {
        let team = try teamForApprovals()
        return try await teamStore { try await team.approvals.pendingApprovals() }
    }

    /// The newest request this identity asked for the card, if any (what a requester waits on).
    public func latestApproval(cardId: String) async throws(MusePayError) -> ApprovalRequest? {
        let team = try teamForApprovals()
        return try await teamStore { try await team.approvals.latestApproval(cardId: cardId) }
    }

    private func teamForApprovals() throws(MusePayError) -> TeamServices {
        guard let team else { throw .configuration("approvals need a team store (a profile with a PostgreSQL store); this profile uses the embedded one") }
        return team
    }

    private func refuseIfReadOnly(_ what: String) throws(MusePayError) {
        if context.readOnly { throw .configuration("profile \(context.profile) is read-only; \(what) is not allowed") }
    }
}
