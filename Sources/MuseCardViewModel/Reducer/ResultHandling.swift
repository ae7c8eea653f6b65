import Foundation
import MuseCardKit
import MuseCardOperations

/// What the console does with answers: update rows, follow operations, go offline and back.
enum ResultHandling {
    static func cardFetched(cardId: String, result: Result<CardRecord, MusePayError>, at: Date, state: inout ConsoleState) -> [Effect] {
        guard let index = state.data.cards.firstIndex(where: { $0.cardId == cardId }) else { return [] }
        state.data.cards[index].isLoading = false
        switch result {
        case .success(let record):
            let wasLocked = state.data.cards[index].status == .locked && state.data.cards[index].lastLock != nil
            state.data.cards[index].record = record
            state.data.cards[index].fetchedAt = at
            state.data.cards[index].error = nil
            state.data.cards[index].isStale = false
            state.data.cards[index].isUnknownToService = false
            state.data.lastContactAt = at
            backOnline(&state)
            // A locked card says why; the audit trail is read once per lock, not per refresh.
            if record.status != .locked { state.data.cards[index].lastLock = nil }
            if record.status == .locked && !wasLocked, let userId = state.data.cardholder?.userId {
                return [.loadLastLock(userId: userId, cardId: cardId)]
            }
        case .failure(let error):
            state.data.cards[index].error = error.description
            state.data.cards[index].isStale = state.data.cards[index].record != nil
            state.data.cards[index].isUnknownToService = CardOperations.saysCardUnknown(error)
            noteFailure(error, state: &state)
        }
        reportWatched(cardId: cardId, failed: state.data.cards[index].error != nil, state: &state)
        return []
    }

    /// Counts an answer the agent is waiting for; when the last is in, the flash says how it went.
    private static func reportWatched(cardId: String, failed: Bool, state: inout ConsoleState) {
        guard var watch = state.ui.refreshWatch, watch.waiting.remove(cardId) != nil else { return }
        if failed { watch.failed.append(cardId) }
        state.ui.refreshWatch = watch.waiting.isEmpty ? nil : watch
        guard watch.waiting.isEmpty else { return }
        if watch.total == 1, let card = state.data.card(cardId) {
            if card.isUnknownToService {
                state.ui.flash = Flash("\(watch.verb) \(cardId): MusePay does not know this card; forget it from the action menu", .error)
            } else if let error = card.error {
                state.ui.flash = Flash("\(watch.verb) \(cardId): refresh failed — \(ServiceText.message(error))", .error)
            } else {
                state.ui.flash = Flash("\(watch.verb) \(cardId): \(card.record?.status.rawValue ?? "no status")", .success)
            }
            return
        }
        let failures = watch.failed.isEmpty ? "" : ", \(watch.failed.count) failed (see the rows)"
        state.ui.flash = Flash("\(watch.verb) \(watch.total) cards\(failures)", watch.failed.isEmpty ? .success : .error)
    }

    /// An operation has ended: the row, the flash, the session log and what to ask next.
    static func operationFinished(_ report: OperationReport, state: inout ConsoleState) -> [Effect] {
        state.data.changesInFlight = max(0, state.data.changesInFlight - 1)
        defer { if state.ui.quitWhenIdle && state.data.changesInFlight == 0 { state.ui.exitRequested = true } }
        let name = report.operation.name.rawValue
        let cardId = report.operation.cardId
        var event = SessionEvent(time: report.at, action: name, cardId: cardId, outcome: report.outcome.rawValue,
                                 requestId: report.requestId, userId: report.userId, values: report.operation.auditParameters)
        if let answer = report.answerText { event.outcome += ", \(answer)" }
        if report.outcome != .applied { event.outcome += ": \(report.errorText)" }
        state.data.log.append(event)
        // A refusal is an answer too: the service is there.
        if report.outcome == .applied || report.outcome == .refused { state.data.lastContactAt = report.at }
        guard state.data.cardholder?.userId == report.userId else { return [] }
        if let cardId, let index = state.data.cards.firstIndex(where: { $0.cardId == cardId }),
           let at = state.data.cards[index].pending.firstIndex(of: name) {
            state.data.cards[index].pending.remove(at: at)
        }
        let form = sentForm(of: report, state: &state)
        guard report.outcome == .applied, let answer = report.answer else {
            let effects = failed(report, state: &state)
            // Refused or not sent: nothing changed, so the agent fixes the form instead of retyping it.
            if var form, report.outcome == .refused || report.outcome == .notSent, state.ui.modal == nil {
                form.error = report.message
                for index in form.fields.indices where form.fields[index].isSecret { form.fields[index].value = "" }
                state.ui.modal = .form(form)
            }
            return effects
        }
        backOnline(&state)
        return succeeded(report, answer: answer, state: &state)
    }

    /// The form `report`'s operation was sent from, taken out of the state.
    private static func sentForm(of report: OperationReport, state: inout ConsoleState) -> FormState? {
        guard let form = state.ui.sentForm, form.kind.operationName == report.operation.name,
              form.kind.cardId == report.operation.cardId else { return nil }
        state.ui.sentForm = nil
        return form
    }

    private static func failed(_ report: OperationReport, state: inout ConsoleState) -> [Effect] {
        let cardId = report.operation.cardId
        if let cardId, let index = state.data.cards.firstIndex(where: { $0.cardId == cardId }), report.outcome != .notSent {
            state.data.cards[index].error = report.errorText
        }
        var text = report.message
        if report.cardUnknown, let cardId { text = "MusePay does not know card \(cardId); forget it from the action menu (\(report.errorText))" }
        state.ui.flash = Flash(text, .error)
        if let error = report.error { noteFailure(error, state: &state) }
        // The layer wanted a check this console did not know of: learn why the card was locked, so `u` asks for it.
        if case .unlock(let cardId, _) = report.operation, case .validation(let field, _)? = report.error, ["last4", "approval"].contains(field),
           state.data.card(cardId)?.lastLock == nil {
            return [.loadLastLock(userId: report.userId, cardId: cardId)]
        }
        // Refused or unknown: the service may have acted, or the card moved on; ask for the truth.
        guard let cardId, report.outcome == .refused || report.outcome == .unknown, !report.cardUnknown else { return [] }
        return ConsoleReducer().refresh([cardId], state: &state)
    }

    private static func succeeded(_ report: OperationReport, answer: OperationAnswer, state: inout ConsoleState) -> [Effect] {
        let userId = report.userId
        var refreshIds: [String] = []
        let cardId = report.operation.cardId
        switch answer {
        case .status(let status):
            if let status, let cardId, let index = state.data.cards.firstIndex(where: { $0.cardId == cardId }) {
                state.data.cards[index].record?.status = status
                state.data.cards[index].error = nil
                // Our own lock: its reason is known without reading the audit trail back.
                if case .lock(_, let reason) = report.operation, status == .locked {
                    state.data.cards[index].lastLock = LockNote(time: report.at, operatorName: state.session.operatorName,
                                                                ticket: state.data.cardholder?.ticket, reason: reason)
                }
            }
            state.ui.flash = Flash(report.message, .success)
            refreshIds = cardId.map { [$0] } ?? []
        case .done:
            state.ui.flash = Flash(report.message, .success)
            refreshIds = cardId.map { [$0] } ?? []
        case .replaced(let newId, let newStatus):
            let oldId = cardId ?? ""
            if let index = state.data.cards.firstIndex(where: { $0.cardId == oldId }) { state.data.cards[index].record?.status = .canceled }
            if state.data.card(newId) == nil {
                var entry = CardEntry(cardId: newId, record: CardRecord(userId: userId, cardId: newId, status: newStatus ?? .pendingActive))
                entry.fetchedAt = report.at
                state.data.cards.append(entry)
            }
            state.data.operations.removeAll { $0.requestId == report.requestId }
            state.ui.selectedCardId = newId
            Navigation.keepSelectionVisible(&state)
            state.ui.flash = Flash("Replaced \(oldId) by \(newId) (request_id \(report.requestId ?? "?"))", .success)
            refreshIds = [oldId, newId]
        case .applied(let receipt):
            let id = report.requestId ?? ""
            let status = receipt.applyStatus?.rawValue ?? "APPLYING"
            state.data.operations.removeAll { $0.requestId == id }
            state.data.operations.append(FollowedOperation(kind: .apply, requestId: id, applyId: receipt.applyId, status: status, isInFlight: true))
            state.ui.flash = Flash("Application sent (request_id \(id)), \(status); following it…", .success)
            return [.pollApplication(userId: userId, requestId: id, applyId: receipt.applyId, after: ApplicationPolling.delay(attempt: 0))]
        case .sensitiveLink(let url, let expiry):
            state.ui.modal = .secretLink(cardId: cardId ?? "", url: url, expiry: expiry)
            state.ui.flash = Flash("One-time link created for \(cardId ?? ""); it is shown once", .success)
        }
        return ConsoleReducer().refresh(refreshIds, state: &state)
    }

    static func applicationPolled(requestId: String, result: Result<ApplyResult, MusePayError>, at: Date,
                                  userId: String, state: inout ConsoleState) -> [Effect] {
        guard let index = state.data.operations.firstIndex(where: { $0.requestId == requestId }) else { return [] }
        state.data.operations[index].attempts += 1
        let attempts = state.data.operations[index].attempts
        switch result {
        case .success(let answer):
            backOnline(&state)
            let status = answer.applyStatus ?? .applying
            state.data.operations[index].status = status.rawValue
            if let applyId = answer.applyId { state.data.operations[index].applyId = applyId }
            if status == .auditRefuse {
                state.data.operations.remove(at: index)
                state.ui.flash = Flash("Application \(requestId) was refused (AUDIT_REFUSE)", .error)
                state.data.log.append(SessionEvent(time: at, action: "apply", cardId: nil, outcome: "refused: AUDIT_REFUSE", requestId: requestId, userId: userId))
                return []
            }
            if status == .cardInit, let cardId = answer.cardId {
                state.data.operations.remove(at: index)
                if state.data.card(cardId) == nil { state.data.cards.append(CardEntry(cardId: cardId)) }
                state.ui.selectedCardId = cardId
                Navigation.keepSelectionVisible(&state)
                state.ui.flash = Flash("Card issued: \(cardId) (request_id \(requestId))", .success)
                state.data.log.append(SessionEvent(time: at, action: "apply", cardId: cardId, outcome: "issued", requestId: requestId, userId: userId))
                return [.addCard(userId: userId, cardId: cardId)]
            }
        case .failure(let error):
            noteFailure(error, state: &state)
            if !ApplicationPolling.shouldContinue(after: error) || attempts >= ApplicationPolling.maxAttempts {
                state.data.operations[index].isInFlight = false
                state.ui.flash = Flash("Stopped following application \(requestId): \(error)", .error)
                return []
            }
        }
        let operation = state.data.operations[index]
        return [.pollApplication(userId: userId, requestId: requestId, applyId: operation.applyId, after: ApplicationPolling.delay(attempt: attempts))]
    }

    /// Server errors in a row after which the service counts as down (the header says OFFLINE).
    static let serverErrorsForOffline = 3

    /// Nothing reached the service, or it keeps failing (5xx after the retries, three times in
    /// a row): it is out of reach, so show cached data as stale.
    static func noteFailure(_ error: MusePayError, state: inout ConsoleState) {
        if case .httpStatus(let status, _) = error, status >= 500 {
            state.data.serverErrorsInARow += 1
            if state.data.serverErrorsInARow >= serverErrorsForOffline { goOffline(&state) }
            return
        }
        guard case .transport(let failure) = error, !failure.requestMayHaveLeft || failure == .timeout else { return }
        goOffline(&state)
    }

    private static func goOffline(_ state: inout ConsoleState) {
        if !state.data.offline {
            state.data.offline = true
            for index in state.data.cards.indices where state.data.cards[index].record != nil {
                state.data.cards[index].isStale = true
            }
        }
    }

    static func backOnline(_ state: inout ConsoleState) {
        state.data.offline = false
        state.data.serverErrorsInARow = 0
    }

}

/// How often a pending application is asked about: backoff from 1 s up to 15 s.
public enum ApplicationPolling {
    public static let maxAttempts = 40

    public static func delay(attempt: Int) -> Duration {
        .milliseconds(min(1000 << min(attempt, 4), 15_000))
    }

    static func shouldContinue(after error: MusePayError) -> Bool {
        switch error {
        case .transport, .undecodable: return true
        case .httpStatus(let status, _): return status == 429 || status >= 500
        default: return false
        }
    }
}
