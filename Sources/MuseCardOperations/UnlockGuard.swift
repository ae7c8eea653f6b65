import MuseCardKit

/// What an unlock needs before it is sent, decided once for the console, the CLI and batch runs.
public enum UnlockRequirement: Sendable, Equatable {
    /// Nothing beyond the confirmation: the last lock was not for a sensitive reason.
    case none
    /// The card's last four digits (no second person: the embedded store, or four-eyes turned off).
    case lastFour
    /// A second person's approval (a team store with four-eyes on).
    case approval
}

/// The rule for sensitive unlocks (`LockReason.Code.isSensitive`): one place, read by every front.
public enum UnlockGuard {
    /// What unlocking a card last locked for `reason` needs: in a team with four-eyes an approval,
    /// otherwise the card's last four digits; nothing when the reason is not sensitive or unknown.
    public static func requirement(reason: LockReason.Code?, team: Bool, fourEyes: Bool) -> UnlockRequirement {
        guard let reason, reason.isSensitive else { return .none }
        return team && fourEyes ? .approval : .lastFour
    }

    /// The four characters the agent types: the PAN's last four from the card's record, else the
    /// last four characters of the card id (a record without `card_no_last4`).
    public static func lastFour(cardId: String, record: CardRecord?) -> String {
        if let last4 = record?.last4, !last4.isEmpty { return last4 }
        return String(cardId.suffix(4))
    }

    /// Whether `typed` is the card's last four (surrounding spaces ignored, letters in any case).
    public static func matches(_ typed: String, cardId: String, record: CardRecord?) -> Bool {
        typed.trimmingCharacters(in: .whitespaces).uppercased() == lastFour(cardId: cardId, record: record).uppercased()
    }

    /// Why an unlock without its check is not sent, naming what to do (`field` is the check's).
    public static func missing(_ requirement: UnlockRequirement, cardId: String, lock: LockInfo?) -> MusePayError {
        let how = lock.map { lock in
            "locked as \(lock.reason?.code.rawValue ?? "?") by \(ServiceText.sanitize(lock.operatorName))"
        } ?? "locked for a sensitive reason"
        switch requirement {
        case .approval:
            return .validation(field: "approval", reason: "card \(cardId) was \(how); unlocking it needs a second person's approval: ask for one, then unlock with its id")
        case .lastFour, .none:
            return .validation(field: "last4", reason: "card \(cardId) was \(how); type the card's last four digits to unlock it")
        }
    }
}
