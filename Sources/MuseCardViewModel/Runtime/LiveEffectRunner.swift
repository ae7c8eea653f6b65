import Foundation
import MuseCardKit
import MuseCardStore

/// Runs effects for real: MusePay through the client core, the cache file and the audit trail.
public struct LiveEffectRunner: EffectRunning {
    let env: ConsoleEnvironment
    let commands: CommandExecutor

    public init(environment: ConsoleEnvironment) {
        env = environment
        commands = CommandExecutor(env: environment)
    }

    public func run(_ effect: Effect, send: @escaping @Sendable (ConsoleAction) -> Void) async {
        switch effect {
        case .loadCardholders:
            send(.cardholdersLoaded(await knownCardholders(send: send)))
        case .loadCardholder(let userId, let label):
            await loadCardholder(userId: userId, label: label, send: send)
        case .fetchCards(let userId, let cardIds, let limit):
            await fetch(userId: userId, cardIds: cardIds, limit: limit, send: send)
        case .run(let userId, let command, let ticket):
            await commands.execute(command, userId: userId, ticket: ticket, send: send)
        case .pollApplication(let userId, let requestId, let applyId, let delay):
            if delay > .zero { try? await Task.sleep(for: delay) }
            await commands.poll(userId: userId, requestId: requestId, applyId: applyId, send: send)
        case .addCard(let userId, let cardId):
            await store(send) { try await env.cache.addCard(userId: userId, cardId: cardId, at: env.now()) }
            send(.cardAdded(userId: userId, cardId: cardId))
        case .forgetCard(let userId, let cardId):
            await store(send) { try await env.cache.forgetCard(userId: userId, cardId: cardId) }
        }
    }

    private func knownCardholders(send: @escaping @Sendable (ConsoleAction) -> Void) async -> [KnownCardholder] {
        var known: [KnownCardholder] = []
        await store(send) {
            for entry in try await env.cache.cardholders() {
                let label = entry.label ?? env.featuredCardholders.first { $0.userId == entry.userId }?.label
                known.append(KnownCardholder(userId: entry.userId, label: label, cardCount: entry.cardCount, lastOpened: entry.lastOpened))
            }
        }
        for featured in env.featuredCardholders where !known.contains(where: { $0.userId == featured.userId }) {
            known.append(featured)
        }
        return known
    }

    private func loadCardholder(userId: String, label: String?, send: @escaping @Sendable (ConsoleAction) -> Void) async {
        var cached: [CachedCard] = []
        var pending: [JournalEntry] = []
        await store(send) {
            try await env.cache.recordOpened(userId: userId, label: label, at: env.now())
            cached = try await env.cache.cards(of: userId)
            pending = try await env.cache.pendingJournal(userId: userId)
        }
        let entries = cached.map { card -> CardEntry in
            var entry = CardEntry(cardId: card.cardId, record: card.record, fetchedAt: card.fetchedAt)
            entry.error = card.lastError
            entry.isStale = card.lastError != nil && card.record != nil
            return entry
        }
        send(.cachedCardsLoaded(userId: userId, entries))
        let applications = pending.filter { $0.kind == .apply }.map {
            FollowedOperation(kind: .apply, requestId: $0.requestId, applyId: $0.detail, cardId: $0.cardId, status: "pending", isInFlight: true)
        }
        if !applications.isEmpty { send(.pendingOperationsLoaded(userId: userId, applications)) }
        // An interrupted replace is re-sent with its original request_id: the service treats it as the same request.
        for entry in pending where entry.kind == .replace {
            guard let cardId = entry.cardId else { continue }
            await commands.execute(.replace(cardId: cardId, reason: entry.parameters["replace_reason"] ?? "OTHER"),
                                   userId: userId, ticket: nil, send: send)
        }
    }

    private func fetch(userId: String, cardIds: [String], limit: Int, send: @escaping @Sendable (ConsoleAction) -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            var started = 0
            for cardId in cardIds {
                if started >= max(1, limit) { await group.next() }
                started += 1
                group.addTask {
                    let result: Result<CardRecord, MusePayError>
                    do throws(MusePayError) { result = .success(try await env.client.send(QueryCardRequest(userId: userId, cardId: cardId))) } catch { result = .failure(error) }
                    let at = env.now()
                    await store(send) {
                        switch result {
                        case .success(let record): try await env.cache.saveRecord(record, fetchedAt: at)
                        case .failure(let error): try await env.cache.saveError(userId: userId, cardId: cardId, message: error.description, at: at)
                        }
                    }
                    send(.cardFetched(userId: userId, cardId: cardId, result, at: at))
                }
            }
        }
    }

    /// Runs a cache or audit write; a failure is reported, never fatal.
    func store(_ send: @Sendable (ConsoleAction) -> Void, _ work: () async throws -> Void) async {
        do { try await work() } catch { send(.storeFailed(String(describing: error))) }
    }
}
