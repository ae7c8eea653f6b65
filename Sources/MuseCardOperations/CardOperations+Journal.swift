import Foundation
import MuseCardKit
import MuseCardStore

extension CardOperations {
    /// Apply and replace requests left pending (a lost answer, a crash), oldest first.
    public func pending(userId: String?) async throws -> [JournalEntry] {
        guard let journal else { return [] }
        return try await journal.pendingJournal(userId: userId)
    }

    /// The operation a pending entry stands for, to resume it as it was first sent.
    public static func operation(resuming entry: JournalEntry) -> CardOperation? {
        switch entry.kind {
        case .replace:
            guard let card = entry.cardId else { return nil }
            return .replace(cardId: card, reason: entry.parameters["replace_reason"] ?? "OTHER")
        case .apply: return ApplyParameters(journal: entry.parameters).map(CardOperation.apply)
        default: return nil
        }
    }

    /// The pending entry `perform` would resume for this operation, if any: lets a front say so before sending.
    public func pendingEntry(for operation: CardOperation, userId: String, requestId: String?) async -> JournalEntry? {
        guard operation.name.isJournalled, let found = try? await journalEntry(for: operation, userId: userId, requestId: requestId),
              found.isPending else { return nil }
        return found.entry
    }

    /// The entry to send under: the pending one named by `requestId` or matching the operation
    /// (same card, same product), else a fresh one; `isPending` when it was already journalled.
    func journalEntry(for operation: CardOperation, userId: String, requestId: String?) async throws(MusePayError)
        -> (entry: JournalEntry, isPending: Bool) {
        guard let journal else { throw .configuration("the journal is not available; \(operation.name.rawValue) needs it to be safe to retry") }
        let pending: [JournalEntry]
        do { pending = try await journal.pendingJournal(userId: userId) } catch {
            throw .configuration("the journal cannot be read: \(error)")
        }
        if let requestId {
            if let known = pending.first(where: { $0.requestId == requestId }) { return (known, true) }
        } else if let resumed = pending.first(where: operation.matches) {
            return (resumed, true)
        }
        var parameters: [String: String] = [:]
        switch operation {
        case .replace(_, let reason): parameters["replace_reason"] = reason
        case .apply(let apply): parameters = apply.journalParameters
        default: break
        }
        let id = requestId ?? RequestID.make(prefix: operation.name == .apply ? "app" : "rep")
        let entry = JournalEntry(kind: operation.name, requestId: id, userId: userId, cardId: operation.cardId,
                                 parameters: parameters, createdAt: clock())
        return (entry, false)
    }

    /// Only a definite answer settles an entry; a lost one stays pending for a re-send under the same id.
    func settleJournal(_ requestId: String, report: inout OperationReport) async {
        let state: JournalState
        var cardId: String?
        var detail: String?
        switch (report.outcome, report.answer) {
        case (.applied, .replaced(let newCard, _)?):
            (state, cardId, detail) = (.done, nil, "new card \(newCard)")
        case (.applied, .applied(let receipt)?):
            // An application is followed until it ends; re-sending its request_id meanwhile is harmless.
            switch receipt.applyStatus {
            case .cardInit?: state = .done
            case .auditRefuse?: state = .failed
            default: state = .pending
            }
            detail = receipt.applyId
        case (.applied, _): state = .done
        case (.refused, _): (state, detail) = (.failed, report.errorText)
        case (.notSent, _), (.unknown, _): (state, detail) = (.pending, report.errorText)
        }
        do { try await journal?.updateJournal(requestId: requestId, state: state, cardId: cardId, detail: detail, at: report.at) } catch {
            report.warnings.append("the journal cannot be written: \(error)")
        }
    }

    /// Asks where an application stands; an ended application settles its journal entry and
    /// adds the issued card to the cardholder.
    public func applicationResult(userId: String, requestId: String, applyId: String?) async -> Result<ApplyResult, MusePayError> {
        let result: Result<ApplyResult, MusePayError>
        do throws(MusePayError) {
            result = .success(try await service.send(ApplyResultRequest(userId: userId, requestId: requestId, applyId: applyId)))
        } catch {
            return .failure(error)
        }
        guard case .success(let answer) = result else { return result }
        let at = clock()
        let issued = answer.cardId.flatMap { $0.isEmpty ? nil : $0 }
        if let issued { try? await cache?.addCard(userId: userId, cardId: issued, at: at) }
        if let status = answer.applyStatus, status.isFinal {
            try? await journal?.updateJournal(requestId: requestId, state: status == .cardInit ? .done : .failed,
                                              cardId: issued, detail: status.rawValue, at: at)
        }
        return result
    }
}
