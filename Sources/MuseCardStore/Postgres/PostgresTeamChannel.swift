import Foundation
import MuseCardKit
import PostgresNIO

/// The team side of a console on PostgreSQL: the server's identity, live events by LISTEN on channel
/// `musecard` (triggers NOTIFY with ids only), presence with a heartbeat, and per-card advisory locks
/// with busy marks others can see.
public final class PostgresTeamChannel: TeamChannel, @unchecked Sendable {
    public let identity: String
    public let isApprover: Bool
    public let fourEyes: Bool
    /// The team database.
    public let database: TeamDatabase
    /// The partner and environment this console works in.
    public let scope: TeamScope
    /// This console's session (presence and busy rows are per session).
    public let sessionId: String
    /// How often an open cardholder is announced again; others drop a viewer unseen for 30 seconds.
    static let heartbeat: Duration = .seconds(10)

    // Guards everything below.
    let lock = NSLock()
    private var listeners: [UUID: AsyncStream<TeamEvent>.Continuation] = [:]
    private var openUser: String?
    private var tasks: [Task<Void, Never>] = []
    var closed = false
    private var listening: PostgresConnection?
    /// The timer that announces the next expiry (`PostgresTeamChannel+Expiry`).
    var expiryTimer: Task<Void, Never>?
    /// Server time up to which expiries have been announced (or had passed when the channel opened).
    var expiriesAnnounced: Date?

    private init(database: TeamDatabase, scope: TeamScope, sessionId: String, identity: String, isApprover: Bool) {
        self.database = database
        self.scope = scope
        self.sessionId = sessionId
        self.identity = identity
        self.isApprover = isApprover
        fourEyes = database.settings.fourEyes
    }

    /// Learns the identity and role from the server and starts listening; returns once LISTEN is in place.
    public static func open(database: TeamDatabase, scope: TeamScope, sessionId: String) async throws -> PostgresTeamChannel {
        let identity = try await database.identity()
        let approver = try await database.scalar("SELECT pg_has_role(session_user, 'musecard_approver', 'MEMBER')", as: Bool.self) ?? false
        let channel = PostgresTeamChannel(database: database, scope: scope, sessionId: sessionId, identity: identity, isApprover: approver)
        try await channel.startListening()
        channel.armExpiryTimer()
        channel.lock.withLock { channel.tasks.append(Task { [weak channel] in _ = await channel?.beat() }) }
        return channel
    }

    public func events() -> AsyncStream<TeamEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: TeamEvent.self, bufferingPolicy: .bufferingNewest(512))
        let id = UUID()
        let isClosed = lock.withLock {
            if !closed { listeners[id] = continuation }
            return closed
        }
        if isClosed { continuation.finish() }
        continuation.onTermination = { [weak self] _ in self?.lock.withLock { _ = self?.listeners.removeValue(forKey: id) } }
        return stream
    }

    public func announceOpen(userId: String?) async throws {
        lock.withLock { openUser = userId }
        try await database.execute("SELECT announce_presence(\(scope.key), \(sessionId), \(userId))")
    }

    public func viewers(of userId: String) async throws -> [String] {
        do {
            let rows = try await database.client.query("""
                SELECT DISTINCT operator FROM presence
                WHERE scope = \(scope.key) AND user_id = \(userId) AND session_id <> \(sessionId) AND seen_at > now() - interval '30 seconds'
                ORDER BY operator
                """, logger: TeamDatabase.logger)
            var names: [String] = []
            for try await name in rows.decode(String.self) { names.append(name) }
            return names
        } catch { throw TeamDatabaseError.wrap(error) }
    }

    public func busyCards(of userId: String) async throws -> [String: String] {
        do {
            let rows = try await database.client.query("SELECT card_id, operator FROM busy_cards(\(scope.key), \(userId), \(sessionId))",
                                                       logger: TeamDatabase.logger)
            var busy: [String: String] = [:]
            for try await (card, name) in rows.decode((String, String).self) where busy[card] == nil { busy[card] = name }
            return busy
        } catch { throw TeamDatabaseError.wrap(error) }
    }

    /// Takes the card's advisory lock on a connection of its own (closing it releases the lock whatever
    /// happens), marks the card busy for the others, runs `body`, then clears the mark.
    public func withCardLock<T: Sendable>(userId: String, cardId: String, _ body: @Sendable () async throws -> T) async throws -> T {
        do {
            return try await database.withDedicatedConnection { connection in
                try await connection.query("SELECT pg_advisory_lock(card_lock_key(\(scope.key), \(cardId)))", logger: TeamDatabase.logger)
                try await connection.query("SELECT mark_busy(\(scope.key), \(userId), \(cardId), \(sessionId), true)", logger: TeamDatabase.logger)
                let result: Result<T, any Error>
                do { result = .success(try await body()) } catch { result = .failure(error) }
                _ = try? await connection.query("SELECT mark_busy(\(scope.key), \(userId), \(cardId), \(sessionId), false)",
                                                logger: TeamDatabase.logger)
                return try result.get()
            }
        } catch let error as PSQLError { throw TeamDatabaseError.wrap(error) }
    }

    /// Stops listening and the heartbeat, leaves the cardholder and ends every `events()` stream.
    public func close() async {
        let (streams, running, wasOpen, connection) = lock.withLock {
            defer { listeners = [:]; tasks = []; closed = true; listening = nil; expiryTimer = nil }
            return (Array(listeners.values), tasks + [expiryTimer].compactMap { $0 }, openUser != nil, listening)
        }
        running.forEach { $0.cancel() }
        // Ends the notification sequence the listening task waits on.
        try? await connection?.close()
        for task in running { await task.value }
        if wasOpen { try? await database.execute("SELECT announce_presence(\(scope.key), \(sessionId), \(String?.none))") }
        streams.forEach { $0.finish() }
    }

    func publish(_ payload: String) {
        guard let event = Self.event(payload, scope: scope.key) else { return }
        if event == .approvalsChanged { armExpiryTimer() }
        broadcast(event)
    }

    /// Hands `event` to every `events()` stream of this channel.
    func broadcast(_ event: TeamEvent) {
        let streams = lock.withLock { Array(listeners.values) }
        for stream in streams { stream.yield(event) }
    }

    /// `{"k": "card", "s": scope, "u": user, "c": card}` → an event, if it is for this scope.
    static func event(_ payload: String, scope: String) -> TeamEvent? {
        guard let json = try? JSONParser.parse(Array(payload.utf8)) else { return nil }
        let fields = JSONFields(json)
        guard fields.string("s") == scope, let kind = fields.string("k") else { return nil }
        let user = fields.string("u"), card = fields.string("c")
        switch kind {
        case "card": return user.flatMap { u in card.map { .cardChanged(userId: u, cardId: $0) } }
        case "approvals": return .approvalsChanged
        case "viewers": return user.map { .viewersChanged(userId: $0) }
        case "busy": return user.flatMap { u in card.map { .busyChanged(userId: u, cardId: $0) } }
        default: return nil
        }
    }

    /// Starts the listening task and waits for its first LISTEN (or its failure).
    private func startListening() async throws {
        let (ready, signal) = AsyncStream.makeStream(of: Result<Void, any Error>.self)
        let task = Task { [weak self] in _ = await self?.listen(ready: signal) }
        lock.withLock { tasks.append(task) }
        for await outcome in ready { return try outcome.get() }
    }

    /// LISTENs on a connection of its own; when it breaks, tries again every second until closed, and
    /// then says approvals changed (what was missed meanwhile cannot be known).
    private func listen(ready: AsyncStream<Result<Void, any Error>>.Continuation) async {
        var first = true
        while !Task.isCancelled {
            do {
                try await database.withDedicatedConnection { connection in
                    let stop = lock.withLock {
                        listening = connection
                        return closed
                    }
                    if stop { return }
                    try await connection.listen(on: "musecard") { notifications in
                        if first {
                            first = false
                            ready.yield(.success(()))
                            ready.finish()
                        } else {
                            armExpiryTimer()
                            broadcast(.approvalsChanged)
                        }
                        for try await notification in notifications { publish(notification.payload) }
                    }
                }
            } catch let error where first {
                ready.yield(.failure(TeamDatabaseError.wrap(error)))
                ready.finish()
                return
            } catch {}
            try? await Task.sleep(for: .seconds(1))
        }
    }

    private func beat() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: Self.heartbeat)
            guard !Task.isCancelled, let user = lock.withLock({ openUser }) else { continue }
            try? await database.execute("SELECT announce_presence(\(scope.key), \(sessionId), \(user))")
        }
    }
}
