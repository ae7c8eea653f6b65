import Foundation
import MuseCardKit

/// The card actions of API.md's status table; a refusal says the card's status and what the action needs.
extension CardBook {
    /// ACTIVE → LOCK; a LOCK card answers success as it is.
    mutating func lock(_ cardId: String, user: String) throws(Rejection) -> SandboxCard {
        try change(cardId, user: user, action: "lock", needs: "ACTIVE") { card in
            if card.status == .locked { return true }
            guard card.status == .active else { return false }
            card.status = .locked
            return true
        }
    }

    /// LOCK → ACTIVE; an ACTIVE card answers success as it is.
    mutating func unlock(_ cardId: String, user: String) throws(Rejection) -> SandboxCard {
        try change(cardId, user: user, action: "unlock", needs: "LOCK") { card in
            if card.status == .active { return true }
            guard card.status == .locked else { return false }
            card.status = .active
            return true
        }
    }

    /// PENDING_ACTIVE virtual → ACTIVE.
    mutating func activate(_ cardId: String, user: String) throws(Rejection) -> SandboxCard {
        let current = try card(cardId, of: user)
        if current.isPhysical, current.status == .pendingActive {
            throw .statusInvalid(cardId: cardId, status: "PENDING_ACTIVE (physical)", action: "activate",
                                 needs: "a virtual card in PENDING_ACTIVE; use activate-physical")
        }
        return try activatePending(cardId, user: user, action: "activate")
    }

    /// PENDING_ACTIVE physical → ACTIVE.
    mutating func activatePhysical(_ cardId: String, user: String) throws(Rejection) -> SandboxCard {
        let current = try card(cardId, of: user)
        if !current.isPhysical {
            throw .statusInvalid(cardId: cardId, status: "\(current.status) (virtual)", action: "activate-physical",
                                 needs: "a physical card in PENDING_ACTIVE")
        }
        return try activatePending(cardId, user: user, action: "activate-physical")
    }

    /// PENDING_ACTIVE → ACTIVE, once the kind of card has been checked.
    private mutating func activatePending(_ cardId: String, user: String, action: String) throws(Rejection) -> SandboxCard {
        try change(cardId, user: user, action: action, needs: "PENDING_ACTIVE") { card in
            guard card.status == .pendingActive else { return false }
            card.status = .active
            return true
        }
    }

    /// Any status but CANCELED.
    mutating func updatePhone(_ cardId: String, user: String, areaCode: String, phone: String) throws(Rejection) -> SandboxCard {
        try change(cardId, user: user, action: "update-phone", needs: "any status but CANCELED") { card in
            guard card.status != .canceled else { return false }
            card.phoneAreaCode = areaCode
            card.phoneNumber = phone
            return true
        }
    }

    /// Any status but CANCELED; `limit` is canonical decimal text.
    mutating func changeLimit(_ cardId: String, user: String, limit: String) throws(Rejection) {
        _ = try change(cardId, user: user, action: "limitChange", needs: "any status but CANCELED") { card in
            guard card.status != .canceled else { return false }
            card.dailyLimit = limit
            return true
        }
    }

    /// ACTIVE or LOCK; only the time is kept, never the PIN.
    mutating func markPINSet(_ cardId: String, user: String, now: Date) throws(Rejection) {
        _ = try change(cardId, user: user, action: "change-pin", needs: "ACTIVE or LOCK") { card in
            guard card.status == .active || card.status == .locked else { return false }
            card.pinSetAt = now
            return true
        }
    }

    /// The card when its status allows `action`, else code 5005.
    func checked(_ cardId: String, user: String, action: String, allowed: [CardStatus], needs: String) throws(Rejection) -> SandboxCard {
        let current = try card(cardId, of: user)
        guard allowed.contains(current.status) else {
            throw .statusInvalid(cardId: cardId, status: current.status.rawValue, action: action, needs: needs)
        }
        return current
    }

    /// Applies `body` to the card; `body` answers false when the status does not allow the action.
    private mutating func change(_ cardId: String, user: String, action: String, needs: String,
                                 _ body: (inout SandboxCard) -> Bool) throws(Rejection) -> SandboxCard {
        var current = try card(cardId, of: user)
        guard body(&current) else {
            throw .statusInvalid(cardId: cardId, status: current.status.rawValue, action: action, needs: needs)
        }
        cards[cardId] = current
        return current
    }
}
