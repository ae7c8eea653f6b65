import MuseCardKit
import MuseCardOperations
import MuseCardStore

/// The wording of confirmations: what will happen, to which card, in plain words.
enum Confirmations {
    static func single(_ action: KeyAction, card: CardEntry) -> Confirmation {
        let name = describe(card)
        switch action {
        case .unlock:
            // Who locked it and why, so the agent sees what they are undoing.
            let why = card.lastLock.map { ["Locked \($0.text(now: nil))"] } ?? []
            return Confirmation(title: "Unlock card?", message: ["Unlock \(name)?"] + why + ["The card can be used for payments again."],
                                confirmLabel: "Unlock", command: .operation(.unlock(cardId: card.cardId)))
        case .activatePhysical:
            return Confirmation(title: "Activate physical card?", message: ["Activate the delivered \(name)?"],
                                confirmLabel: "Activate", command: .operation(.activatePhysical(cardId: card.cardId)))
        default:
            return Confirmation(title: "Activate card?", message: ["Activate \(name)?"],
                                confirmLabel: "Activate", command: .operation(.activate(cardId: card.cardId)))
        }
    }

    /// One question for a bulk change: the count that will be sent, the reason, the cards left out and why.
    static func bulk(_ bulk: BulkCommand, state: ConsoleState) -> Confirmation {
        let who = state.data.cardholder.map { $0.label.map { "\($0) (\(state.data.cardholder?.userId ?? ""))" } ?? $0.userId } ?? ""
        let count = bulk.cardIds.count
        let noun = count == 1 ? "card" : "cards"
        let verb = bulk.operation == .unlock ? "Unlock" : "Lock"
        let which: String
        switch bulk.scope {
        case .everyActive: which = "\(count) active \(noun)"
        case .marked: which = bulk.skipped.isEmpty ? "\(count) marked \(noun)" : "\(count) of \(count + bulk.skipped.count) marked cards"
        }
        var message = ["\(verb) \(which) of \(ServiceText.sanitize(who))?"]
        if let reason = bulk.reason { message.append("Reason: \(reasonText(reason))") }
        if let skipped = bulk.skippedSummary { message.append("Left out: \(skipped)") }
        if bulk.skipped.contains(where: { $0.why == MarkedCards.sensitive }) {
            message.append("Sensitive locks are undone one card at a time: esc clears the marks, then u on the card.")
        }
        message += bulk.cardIds.prefix(6).map { "  \($0)" } + (count > 6 ? ["  … and \(count - 6) more"] : [])
        if bulk.operation == .unlock { message.append("The cards can be used for payments again.") }
        let title = bulk.scope == .everyActive ? "Lock every active card?" : "\(verb) \(count) marked \(noun)?"
        return Confirmation(title: title, message: message, confirmLabel: "\(verb) \(count) \(noun)", command: .bulk(bulk))
    }

    /// A confirmation for a command that came out of a form (replace, PIN, card data link).
    static func afterForm(_ operation: CardOperation, card: CardEntry?) -> Confirmation? {
        let name = card.map(describe) ?? operation.cardId ?? ""
        let command = ConfirmedCommand.operation(operation)
        switch operation {
        case .lock(_, let reason):
            return Confirmation(title: "Lock card?", message: ["Lock \(name)?", "Reason: \(reason.map(reasonText) ?? "none given")",
                                                              "The cardholder cannot pay with it until it is unlocked."],
                                confirmLabel: "Lock", command: command)
        case .replace(_, let reason):
            return Confirmation(title: "Replace card?",
                                message: ["Replace \(name)?", "Reason: \(reason)", "The card is canceled for good and a new one is issued."],
                                confirmLabel: "Replace", command: command)
        case .changePIN(_, let pin):
            let warning = pin.isTrivial ? ["Warning: \(PIN.trivialWarning).", "Cancel goes back to the form to choose another."] : []
            return Confirmation(title: "Change PIN?", message: ["Set a new PIN on \(name)?"] + warning, confirmLabel: "Change PIN", command: command)
        case .sensitiveInfo(_, let ip):
            return Confirmation(title: "Reveal card data?",
                                message: ["Create a one-time link to the number, expiry and CVV of \(name)?", "Only usable from \(ip)."],
                                confirmLabel: "Create link", command: command)
        default:
            return nil
        }
    }

    /// Quitting with changes in flight: waiting is the default, so every result is recorded.
    static func quitWhileBusy(_ count: Int) -> Confirmation {
        let calls = count == 1 ? "1 change is" : "\(count) changes are"
        return Confirmation(title: "Calls in flight", message: ["\(calls) still waiting for MusePay's answer.",
                                                                "Wait for the answers to be recorded, then quit?"],
                            confirmLabel: "Quit anyway", cancelLabel: "Wait", command: .quit)
    }

    /// An apply or replace left pending by an earlier session: resumed only on yes.
    static func resume(_ entry: JournalEntry, card: CardEntry?) -> Confirmation {
        let opened = UTCTime.clock(entry.createdAt)
        let what = entry.kind == .replace ? "replace of \(card.map(describe) ?? entry.cardId ?? "a card")" : "application \(entry.parameters["card_product_id"] ?? "")"
        return Confirmation(title: "Interrupted \(entry.kind.rawValue)",
                            message: ["The \(what) was interrupted at \(opened) UTC; its outcome is unknown.",
                                      "Resume sends the same request (request_id \(entry.requestId)): the service cannot act twice.",
                                      "Cancel leaves it pending; refresh the card to check."],
                            confirmLabel: "Resume", command: .resume(entry))
    }

    /// Team: the second person approved; this confirmation spends the approval on the unlock.
    static func approvedUnlock(_ card: CardEntry, request: ApprovalRequest) -> Confirmation {
        let why = card.lastLock.map { ["Locked \($0.text(now: nil))"] } ?? []
        let when = request.decidedAt.map { " at \(UTCTime.text($0, seconds: false))" } ?? ""
        let note = request.decisionNote.map { ": \($0)" } ?? ""
        return Confirmation(title: "Unlock card?",
                            message: ["Unlock \(describe(card))?"] + why
                                + ["Approved by \(request.decidedBy ?? "?")\(when)\(note)", "The card can be used for payments again."],
                            confirmLabel: "Unlock", command: .operation(.unlock(cardId: card.cardId, check: .approval(id: request.id))))
    }

    /// Approving another agent's request: what they asked and why.
    static func approve(_ request: ApprovalRequest) -> Confirmation {
        Confirmation(title: "Approve unlock?",
                     message: ["Approve \(request.requestedBy)'s request to unlock card \(request.cardId) of \(request.userId)?",
                               "Locked as \(request.lockReason). Their note: \(request.note)",
                               "They can then unlock it once, until \(UTCTime.text(request.expiresAt, seconds: false))."],
                     confirmLabel: "Approve", command: .decideApproval(id: request.id, approve: true, note: nil))
    }

    /// Denying, with the note the requester will read.
    static func deny(_ request: ApprovalRequest, note: String) -> Confirmation {
        Confirmation(title: "Deny unlock?",
                     message: ["Deny \(request.requestedBy)'s request to unlock card \(request.cardId)?", "Your note: \(note)",
                               "The card stays locked."],
                     confirmLabel: "Deny", command: .decideApproval(id: request.id, approve: false, note: note))
    }

    /// `FRAUD_SUSPECTED: note`, or the code alone.
    static func reasonText(_ reason: LockReason) -> String {
        reason.code.rawValue + (reason.note.map { ": \($0)" } ?? "")
    }

    static func describe(_ card: CardEntry) -> String {
        var text = "card \(card.cardId)"
        if let last4 = card.record?.last4 { text += " ••••\(ServiceText.sanitize(last4))" }
        if let name = card.record?.embossedName { text += " (\(ServiceText.sanitize(name).trimmingCharacters(in: .whitespaces)))" }
        return text
    }
}

import Foundation
