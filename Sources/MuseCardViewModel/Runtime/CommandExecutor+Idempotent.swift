import Foundation
import MuseCardKit
import MuseCardStore

extension CommandExecutor {
    /// Replace: reuse a pending request_id for the same card, journal before sending, close after.
    func replace(cardId: String, reason: String, userId: String, ticket: String?, send: @escaping @Sendable (ConsoleAction) -> Void) async {
        let pending = await pendingEntry(kind: .replace, userId: userId, send: send) { $0.cardId == cardId }
        let requestId = pending?.requestId ?? RequestID.make(prefix: "rep")
        if pending == nil {
            await journal(send) {
                try await env.cache.openJournal(JournalEntry(kind: .replace, requestId: requestId, userId: userId, cardId: cardId,
                                                             parameters: ["replace_reason": reason], createdAt: env.now()))
            }
        }
        let request = ReplaceCardRequest(userId: userId, originalCardId: cardId, replaceReason: reason, requestId: requestId)
        let context = CallContext(command: .replace(cardId: cardId, reason: reason), userId: userId, ticket: ticket, requestId: requestId, send: send)
        let result = await call(request, context) {
            .replaced(oldCardId: cardId, newCardId: $0.cardId, newStatus: $0.status, requestId: requestId)
        }
        await close(requestId: requestId, result: result.map { Optional($0.cardId) }, send: send)
        if case .success(let answer) = result {
            await journal(send) { try await env.cache.addCard(userId: userId, cardId: answer.cardId, at: env.now()) }
        }
    }

    /// Apply: reuse a pending request_id for the same product; the entry stays pending until the application ends.
    func apply(_ parameters: ApplyParameters, userId: String, ticket: String?, send: @escaping @Sendable (ConsoleAction) -> Void) async {
        let pending = await pendingEntry(kind: .apply, userId: userId, send: send) { $0.parameters["card_product_id"] == parameters.productId }
        let requestId = pending?.requestId ?? RequestID.make(prefix: "app")
        if pending == nil {
            var stored = ["card_product_id": parameters.productId, "card_level": parameters.level,
                          "phone_area_code": parameters.areaCode, "phone_number": parameters.phone]
            stored["embossed_name"] = parameters.embossedName
            await journal(send) {
                try await env.cache.openJournal(JournalEntry(kind: .apply, requestId: requestId, userId: userId, parameters: stored, createdAt: env.now()))
            }
        }
        let request = ApplyCardRequest(userId: userId, requestId: requestId, cardProductId: parameters.productId, cardLevel: parameters.level,
                                       phoneAreaCode: parameters.areaCode, phoneNumber: parameters.phone, embossedName: parameters.embossedName)
        let context = CallContext(command: .apply(parameters), userId: userId, ticket: ticket, requestId: requestId, send: send)
        let result = await call(request, context) { .applied(requestId: requestId, receipt: $0) }
        switch result {
        case .success(let receipt):
            await journal(send) { try await env.cache.updateJournal(requestId: requestId, state: .pending, cardId: nil, detail: receipt.applyId, at: env.now()) }
        case .failure(let error):
            await close(requestId: requestId, result: Result<String?, MusePayError>.failure(error), send: send)
        }
    }

    /// Asks where an application stands; closes the journal entry once it has ended.
    func poll(userId: String, requestId: String, applyId: String?, send: @escaping @Sendable (ConsoleAction) -> Void) async {
        let result: Result<ApplyResult, MusePayError>
        do throws(MusePayError) {
            result = .success(try await env.client.send(ApplyResultRequest(userId: userId, requestId: requestId, applyId: applyId)))
        } catch {
            result = .failure(error)
        }
        if case .success(let answer) = result, let status = answer.applyStatus, status.isFinal {
            let state: JournalState = status == .cardInit ? .done : .failed
            await journal(send) {
                try await env.cache.updateJournal(requestId: requestId, state: state, cardId: answer.cardId, detail: status.rawValue, at: env.now())
            }
        }
        send(.applicationPolled(userId: userId, requestId: requestId, result, at: env.now()))
    }

    /// One lock per card, a few at a time, each audited on its own.
    func lockAll(_ cardIds: [String], userId: String, ticket: String?, send: @escaping @Sendable (ConsoleAction) -> Void) async {
        let outcomes = await withTaskGroup(of: Bool.self) { group -> [Bool] in
            var results: [Bool] = []
            for (index, cardId) in cardIds.enumerated() {
                if index >= 4, let finished = await group.next() { results.append(finished) }
                group.addTask {
                    let context = CallContext(command: .lock(cardId: cardId), userId: userId, ticket: ticket, requestId: nil, send: send)
                    let result = await call(LockCardRequest(userId: userId, cardId: cardId), context) { .status(cardId: cardId, $0.status) }
                    if case .success = result { return true }
                    return false
                }
            }
            for await finished in group { results.append(finished) }
            return results
        }
        let succeeded = outcomes.filter { $0 }.count
        send(.batchFinished(userId: userId, action: "lock every active card", succeeded: succeeded, failed: outcomes.count - succeeded))
    }

    /// A transport failure leaves the entry pending, to be resumed with the same request_id.
    private func close(requestId: String, result: Result<String?, MusePayError>, send: @escaping @Sendable (ConsoleAction) -> Void) async {
        let state: JournalState
        var cardId: String?
        var detail: String?
        switch result {
        case .success(let issued): state = .done; cardId = issued
        case .failure(.transport): return
        case .failure(let error): state = .failed; detail = error.description
        }
        await journal(send) { try await env.cache.updateJournal(requestId: requestId, state: state, cardId: cardId, detail: detail, at: env.now()) }
    }

    private func pendingEntry(kind: JournalKind, userId: String, send: @escaping @Sendable (ConsoleAction) -> Void,
                              where matches: (JournalEntry) -> Bool) async -> JournalEntry? {
        var found: JournalEntry?
        await journal(send) { found = try await env.cache.pendingJournal(userId: userId).first { $0.kind == kind && matches($0) } }
        return found
    }

    private func journal(_ send: @Sendable (ConsoleAction) -> Void, _ work: () async throws -> Void) async {
        do { try await work() } catch { send(.storeFailed("journal: \(error)")) }
    }
}
