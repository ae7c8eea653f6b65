import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore

extension FormCatalog {
    /// Single agent, sensitive lock: who locked it and why, and the card's last four digits to type.
    static func unlockLastFour(_ card: CardEntry) -> FormState {
        FormState(kind: .unlockLastFour(cardId: card.cardId), fields: [
            FormField(name: "last4", label: "Last four", hint: "the card's last four digits", maxLength: 4),
        ], intro: ["Unlock \(Confirmations.describe(card))?"] + lockLines(card)
            + ["It was locked for a sensitive reason: type its last four digits to confirm.", "The card can be used for payments again."])
    }

    /// Team, sensitive lock: why it was locked, and a note for the approver.
    static func requestApproval(_ card: CardEntry, previous: ApprovalRequest?) -> FormState {
        var intro = ["Unlock \(Confirmations.describe(card))?"] + lockLines(card)
            + ["Unlocking it needs a second person's approval: say why it is safe."]
        if let previous, let answer = ApprovalText.answer(previous) { intro.append("Your last request: \(answer).") }
        return FormState(kind: .requestApproval(cardId: card.cardId), fields: [
            FormField(name: "note", label: "Note", hint: "required: why the card can be unlocked", maxLength: LockReason.maxNoteLength),
        ], intro: intro)
    }

    /// Denying a request: what is denied, and the required note.
    static func denyApproval(_ request: ApprovalRequest) -> FormState {
        FormState(kind: .denyApproval(id: request.id), fields: [
            FormField(name: "note", label: "Note", hint: "required: why the card stays locked", maxLength: LockReason.maxNoteLength),
        ], intro: ["Deny \(ServiceText.sanitize(request.requestedBy))'s request to unlock card \(ServiceText.sanitize(request.cardId))?",
                   "Their note: \(ServiceText.sanitize(request.note))"])
    }

    /// `Locked … by anna — STOLEN, SUP-1: note`, when the audit trail told.
    private static func lockLines(_ card: CardEntry) -> [String] {
        card.lastLock.map { ["Locked \($0.text(now: nil))"] } ?? []
    }
}
