import Foundation
import MuseCardKit

/// What the console does with answers: update rows, follow operations, go offline and back.
enum ResultHandling {
    static func cardFetched(cardId: String, result: Result<CardRecord, MusePayError>, at: Date, state: inout ConsoleState) -> [Effect] {
        guard let index = state.data.cards.firstIndex(where: { $0.cardId == cardId }) else { return [] }
        state.data.cards[index].isLoading = false
        switch result {
        case .success(let record):
            state.data.cards[index].record = record
            state.data.cards[index].fetchedAt = at
            state.data.cards[index].error = nil
            state.data.cards[index].isStale = false
            backOnline(&state)
        case .failure(let error):
            state.data.cards[index].error = error.description
            state.data.cards[index].isStale = state.data.cards[index].record != nil
            noteFailure(error, state: &state)
        }
        return []
    }

    static func commandFinished(_ command: CardCommand, result: Result<CommandOutcome, MusePayError>, at: Date,
                                userId: String, state: inout ConsoleState) -> [Effect] {
        // Lock-all reports each card as its own lock, so only single-card commands arrive here.
        if let cardId = command.cardId, let index = state.data.cards.firstIndex(where: { $0.cardId == cardId }),
           let at = state.data.cards[index].pending.firstIndex(of: command.action) {
            state.data.cards[index].pending.remove(at: at)
        }
        switch result {
        case .success(let outcome):
            backOnline(&state)
            return succeeded(command, outcome: outcome, at: at, userId: userId, state: &state)
        case .failure(let error):
            state.data.log.append(SessionEvent(time: at, action: command.action, cardId: command.cardId, outcome: failureText(error)))
            if let cardId = command.cardId, let index = state.data.cards.firstIndex(where: { $0.cardId == cardId }) {
                state.data.cards[index].error = error.description
            }
            state.ui.flash = Flash("\(command.action) \(command.cardId ?? ""): \(error)", .error)
            noteFailure(error, state: &state)
            // The service may have acted anyway, or the card moved on: ask for the truth.
            if error.isServiceAnswer, let cardId = command.cardId {
                return ConsoleReducer().refresh([cardId], state: &state)
            }
            return []
        }
    }

    private static func succeeded(_ command: CardCommand, outcome: CommandOutcome, at: Date, userId: String, state: inout ConsoleState) -> [Effect] {
        var refreshIds: [String] = []
        var requestId: String?
        switch outcome {
        case .status(let cardId, let status):
            if let status, let index = state.data.cards.firstIndex(where: { $0.cardId == cardId }) {
                state.data.cards[index].record?.status = status
                state.data.cards[index].error = nil
            }
            state.ui.flash = Flash("\(command.action) \(cardId): ok" + (status.map { ", now \($0.rawValue)" } ?? ""), .success)
            refreshIds = [cardId]
        case .done(let cardId):
            state.ui.flash = Flash("\(command.action) \(cardId): ok", .success)
            refreshIds = [cardId]
        case .replaced(let oldId, let newId, let newStatus, let id):
            requestId = id
            if let index = state.data.cards.firstIndex(where: { $0.cardId == oldId }) { state.data.cards[index].record?.status = .canceled }
            if state.data.card(newId) == nil {
                var entry = CardEntry(cardId: newId, record: CardRecord(userId: userId, cardId: newId, status: newStatus ?? .pendingActive))
                entry.fetchedAt = at
                state.data.cards.append(entry)
            }
            state.data.operations.removeAll { $0.requestId == id }
            state.ui.selectedCardId = newId
            Navigation.keepSelectionVisible(&state)
            state.ui.flash = Flash("Replaced \(oldId) by \(newId) (request_id \(id))", .success)
            refreshIds = [oldId, newId]
        case .applied(let id, let receipt):
            requestId = id
            let status = receipt.applyStatus?.rawValue ?? "APPLYING"
            state.data.operations.removeAll { $0.requestId == id }
            state.data.operations.append(FollowedOperation(kind: .apply, requestId: id, applyId: receipt.applyId, status: status, isInFlight: true))
            state.ui.flash = Flash("Application sent (request_id \(id)), \(status); following it…", .success)
            state.data.log.append(SessionEvent(time: at, action: command.action, cardId: nil, outcome: "ok: \(status)", requestId: id))
            return [.pollApplication(userId: userId, requestId: id, applyId: receipt.applyId, after: ApplicationPolling.delay(attempt: 0))]
        case .sensitiveLink(let cardId, let url, let expiry):
            state.ui.modal = .secretLink(cardId: cardId, url: url, expiry: expiry)
            state.ui.flash = Flash("One-time link created for \(cardId); it is shown once", .success)
        }
        state.data.log.append(SessionEvent(time: at, action: command.action, cardId: command.cardId, outcome: "ok", requestId: requestId))
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
                state.data.log.append(SessionEvent(time: at, action: "apply", cardId: nil, outcome: "refused: AUDIT_REFUSE", requestId: requestId))
                return []
            }
            if status == .cardInit, let cardId = answer.cardId {
                state.data.operations.remove(at: index)
                if state.data.card(cardId) == nil { state.data.cards.append(CardEntry(cardId: cardId)) }
                state.ui.selectedCardId = cardId
                Navigation.keepSelectionVisible(&state)
                state.ui.flash = Flash("Card issued: \(cardId) (request_id \(requestId))", .success)
                state.data.log.append(SessionEvent(time: at, action: "apply", cardId: cardId, outcome: "issued", requestId: requestId))
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

    /// A transport failure means the service is out of reach: show cached data as stale.
    static func noteFailure(_ error: MusePayError, state: inout ConsoleState) {
        guard case .transport = error else { return }
        if !state.data.offline {
            state.data.offline = true
            for index in state.data.cards.indices where state.data.cards[index].record != nil {
                state.data.cards[index].isStale = true
            }
        }
    }

    static func backOnline(_ state: inout ConsoleState) {
        state.data.offline = false
    }

    static func failureText(_ error: MusePayError) -> String {
        switch error {
        case .refused(let code, let message): return "refused: \(code) \(message)"
        default: return "failed: \(error)"
        }
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
