import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore

/// Runs effects for real: every change and query through the operations layer, the cache for
/// what is known. It holds no audit, journal or cache rule of its own.
public struct LiveEffectRunner: EffectRunning {
    let env: ConsoleEnvironment
    /// Changes from "sent" until their report has reached the state, so a quit can wait for them.
    public let inFlight = InFlightRegistry()
    /// The cards off screen, refreshed slowly within the session's budget.
    let background = BackgroundRefresher()
    /// Frames built so far: the rest of a long list is read once the first screenful is on screen.
    let frames = FrameCounter()

    public init(environment: ConsoleEnvironment) {
        env = environment
    }

    public func run(_ effect: Effect, send: @escaping @Sendable (ConsoleAction) -> Void) async {
        switch effect {
        case .loadCardholders:
            send(.cardholdersLoaded(await knownCardholders(send: send)))
        case .loadCardholder(let userId, let label):
            // The previous cardholder's background refresh is of no use any more.
            background.cancel()
            await loadCardholder(userId: userId, label: label, send: send)
        case .readCards(let userId, let from, let limit):
            await store(send) {
                let cards = try await env.operations.knownCards(userId: userId, from: from, limit: limit)
                send(.cardPageRead(userId: userId, cards.map(Self.entry), from: from, asked: limit))
            }
            if limit == nil { ProcessMemory.releaseFreed() }
        case .fetchCards(let userId, let cardIds, let limit):
            // The rows (marked loading) reach the screen before signing and sending compete with drawing them.
            await frames.next(after: frames.value, limit: Self.frameWait)
            await fetch(userId: userId, cardIds: cardIds, limit: limit, send: send)
        case .refreshInBackground(let userId, let cards):
            await frames.next(after: frames.value, limit: Self.frameWait)
            background.start(cards, budget: env.session.backgroundRefresh, now: env.now) { cardId in
                await query(userId: userId, cardId: cardId, send: send)
            }
        case .run(let userId, let command, let ticket):
            await perform(command, userId: userId, ticket: ticket, send: send)
        case .pollApplication(let userId, let requestId, let applyId, let delay):
            if delay > .zero { try? await Task.sleep(for: delay) }
            let result = await env.operations.applicationResult(userId: userId, requestId: requestId, applyId: applyId)
            send(.applicationPolled(userId: userId, requestId: requestId, result, at: env.now()))
        case .addCard(let userId, let cardId):
            await store(send) { try await env.operations.noteCard(userId: userId, cardId: cardId) }
            send(.cardAdded(userId: userId, cardId: cardId))
        case .forgetCard(let userId, let cardId):
            await store(send) { try await env.operations.forgetCard(userId: userId, cardId: cardId) }
        case .forgetCardholder(let userId):
            await store(send) { try await env.operations.forgetCardholder(userId: userId) }
            send(.cardholdersLoaded(await knownCardholders(send: send)))
        case .loadLastLock(let userId, let cardId):
            send(.lastLockLoaded(userId: userId, cardId: cardId, await lastLock(userId: userId, cardId: cardId)))
        case .loadHistory(let userId, let cardId):
            send(await history(userId: userId, cardId: cardId))
        case .findCardholders(let text):
            let report = await env.operations.findCardholders(CardholderQuery.readings(of: text))
            send(.cardholdersFound(text: text, report.matches, error: report.serviceError?.description))
        case .autoRefresh(let delay):
            try? await Task.sleep(for: delay)
            send(.autoRefreshDue)
        case .expireRetry(let note, let delay):
            try? await Task.sleep(for: delay)
            send(.retryExpired(note))
        case .copy(let value, let what):
            send(.copied(what: what, error: await copy(value)))
        case .loadTransactions(let userId, let cardId, let page, let filters):
            send(.transactionsLoaded(userId: userId, cardId: cardId, page: page,
                                     await transactions(userId: userId, cardId: cardId, page: page, filters: filters), filters: filters))
        case .subscribeTeam, .announceOpen, .loadViewers, .loadBusy, .loadPendingApprovals, .loadCardApproval, .requestApproval,
             .decideApproval, .loadApprovalHistory, .learnTeamSession:
            await runTeam(effect, send: send)
        }
    }

    /// Waits up to `timeout` for the changes in flight to be recorded and reported; true when idle.
    public func waitUntilIdle(timeout: TimeInterval) -> Bool { inFlight.waitUntilIdle(timeout: timeout) }

    private func perform(_ command: ConfirmedCommand, userId: String, ticket: String?, send: @escaping @Sendable (ConsoleAction) -> Void) async {
        switch command {
        case .operation(let operation):
            await report(operation, userId: userId, ticket: ticket, send: send)
        case .resume(let entry):
            guard let operation = CardOperations.operation(resuming: entry) else { return }
            await report(operation, userId: userId, ticket: ticket, requestId: entry.requestId, send: send)
        case .bulk(let bulk):
            await run(bulk, userId: userId, ticket: ticket, send: send)
        case .forgetCardholder, .quit, .decideApproval:
            break
        }
    }

    @discardableResult
    private func report(_ operation: CardOperation, userId: String, ticket: String?, requestId: String? = nil, runId: String? = nil,
                        send: @escaping @Sendable (ConsoleAction) -> Void) async -> OperationReport {
        inFlight.begin()
        defer { inFlight.end() }
        let report = await env.operations.perform(operation, userId: userId, ticket: ticket, requestId: requestId, runId: runId)
        for warning in report.warnings { send(.storeFailed(warning)) }
        send(.operationFinished(report))
        return report
    }

    /// One operation per card, a few at a time, each through the operations layer like a single
    /// card, all under one run id in the audit trail (one confirmation, one run).
    private func run(_ bulk: BulkCommand, userId: String, ticket: String?, send: @escaping @Sendable (ConsoleAction) -> Void) async {
        let runId = CardOperations.newRunId()
        let outcomes = await withTaskGroup(of: Bool.self) { group -> [Bool] in
            var results: [Bool] = []
            for (index, cardId) in bulk.cardIds.enumerated() {
                if index >= 4, let finished = await group.next() { results.append(finished) }
                group.addTask {
                    await report(bulk.operation(for: cardId), userId: userId, ticket: ticket, runId: runId, send: send).outcome == .applied
                }
            }
            for await finished in group { results.append(finished) }
            return results
        }
        let succeeded = outcomes.filter { $0 }.count
        send(.bulkFinished(userId: userId, bulk, succeeded: succeeded, failed: outcomes.count - succeeded))
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
        let page = Self.firstPage
        await store(send) { cached = try await env.operations.open(userId: userId, label: label, firstPage: page) }
        // The size of a long list, not its records: the rest is read a page at a time as the agent scrolls.
        var total = cached.count
        if cached.count == page { await store(send) { total = try await env.operations.knownCardCount(userId: userId) } }
        send(.cardListOpened(userId: userId, cached.map(Self.entry), total: total))
        // Opened by id alone: the index may know the name (one row; no card list, no call).
        if label == nil, let name = (try? await env.cache.profile(of: userId))??.name {
            send(.cardholderNamed(userId: userId, name: name))
        }
        var pending: [JournalEntry] = []
        await store(send) { pending = try await env.operations.pending(userId: userId) }
        // Shown to the agent; an interrupted replace is sent again only when the agent says yes.
        if !pending.isEmpty { send(.pendingRequestsLoaded(userId: userId, pending)) }
    }

    private func fetch(userId: String, cardIds: [String], limit: Int, send: @escaping @Sendable (ConsoleAction) -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            var started = 0
            for cardId in cardIds {
                if started >= max(1, limit) { await group.next() }
                started += 1
                group.addTask { await query(userId: userId, cardId: cardId, send: send) }
            }
        }
    }

    public func framePresented() { frames.tick() }

    /// The longest a query waits for the frame that shows it loading (the loop draws a changed
    /// state within its 50 ms key wait; without a terminal there is no frame to wait for).
    static let frameWait = Duration.milliseconds(60)

    /// Cards read before the first frame: a screenful on most terminals (a taller one reads the
    /// next page at once); each decoded record delays the first frame.
    static let firstPage = 60

    static func entry(_ card: CachedCard) -> CardEntry {
        var entry = CardEntry(cardId: card.cardId, record: card.record, fetchedAt: card.fetchedAt)
        entry.error = card.lastError
        entry.isStale = card.lastError != nil && card.record != nil
        return entry
    }

    /// One card through the operations layer, its answer fed back.
    private func query(userId: String, cardId: String, send: @escaping @Sendable (ConsoleAction) -> Void) async {
        let report = await env.operations.query(userId: userId, cardId: cardId)
        send(.cardFetched(userId: userId, cardId: cardId, report.result, at: report.at))
    }

    /// Runs a cache read or write; a failure is reported, never fatal.
    func store(_ send: @Sendable (ConsoleAction) -> Void, _ work: () async throws -> Void) async {
        do { try await work() } catch { send(.storeFailed(String(describing: error))) }
    }
}
