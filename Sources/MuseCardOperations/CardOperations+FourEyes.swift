import Foundation
import MuseCardKit
import MuseCardStore

extension CardOperations {
    /// What unlocking the card needs now, and the lock it reverses (from the audit trail).
    public func unlockRequirement(userId: String, cardId: String) async throws(MusePayError) -> (UnlockRequirement, LockInfo?) {
        let lock: LockInfo?
        do { lock = try await lastLock(userId: userId, cardId: cardId) } catch {
            throw .configuration("the audit trail cannot be read to check why card \(cardId) was locked: \(error)")
        }
        let requirement = UnlockGuard.requirement(reason: lock?.reason?.code, team: team != nil, fourEyes: team?.channel.fourEyes ?? false)
        return (requirement, lock)
    }

    /// Checks an unlock against the rule for sensitive locks and gives the audit values it adds:
    /// the approval spent (`approval_id`, `approved_by`) or `unlock_check=last4`. Throws, naming
    /// the check's field, when the check is missing, wrong, or refused by the team store.
    func authoriseUnlock(userId: String, cardId: String, check: UnlockCheck?) async throws(MusePayError) -> [String: String] {
        if case .approval? = check, team == nil {
            throw .validation(field: "approval", reason: "approvals need a team store; this profile uses the embedded one")
        }
        // Without four-eyes a batch run needs no lock reason: the trail is not read once per line.
        let fourEyes = team?.channel.fourEyes ?? false
        if check == .batchRun && !fourEyes { return ["unlock_check": "batch"] }
        let (requirement, lock) = try await unlockRequirement(userId: userId, cardId: cardId)
        switch (requirement, check) {
        case (.none, _):
            return [:]
        case (.lastFour, .lastFour(let typed)?):
            let record = try await cardRecord(userId: userId, cardId: cardId)
            guard UnlockGuard.matches(typed, cardId: cardId, record: record) else {
                throw .validation(field: "last4", reason: "does not match the card's last four digits")
            }
            return ["unlock_check": "last4"]
        case (.approval, .approval(let id)?):
            guard let team else { throw UnlockGuard.missing(requirement, cardId: cardId, lock: lock) }
            let used = try await teamStore { try await team.approvals.consumeApproval(id: id, cardId: cardId) }
            return ["approval_id": used.id, "approved_by": used.decidedBy ?? ""]
        default:
            throw UnlockGuard.missing(requirement, cardId: cardId, lock: lock)
        }
    }

    /// The card's record as the cache knows it, else as the service answers it now (a query, not audited).
    private func cardRecord(userId: String, cardId: String) async throws(MusePayError) -> CardRecord? {
        if let cached = try? await cache?.card(userId: userId, cardId: cardId)?.record { return cached }
        do throws(MusePayError) {
            return try await service.send(QueryCardRequest(userId: userId, cardId: cardId))
        } catch {
            throw .configuration("the card's last four digits cannot be checked: \(error)")
        }
    }

    /// Runs a team-store call: its refusal names the approval; anything else means the store is away.
    func teamStore<T>(_ work: () async throws -> T) async throws(MusePayError) -> T {
        do { return try await work() } catch let refused as ApprovalRefused {
            throw .validation(field: "approval", reason: "refused by the team store: \(ServiceText.message(refused.reason))")
        } catch {
            throw Self.storeAway(error)
        }
    }

    /// The error of a team store that could not be reached (nothing can be recorded, so nothing is sent).
    static func storeAway(_ error: any Error) -> MusePayError {
        .configuration("the team store cannot be reached (\(ServiceText.message(String(describing: error)))); no change can be recorded")
    }
}
