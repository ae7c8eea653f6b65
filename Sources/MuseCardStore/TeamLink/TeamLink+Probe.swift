import Foundation
import PostgresNIO

extension TeamLink {
    /// How often a stale link looks for the server.
    public static let probeInterval: Duration = .seconds(3)

    /// Connects to the server: the pool, its schema check, then the channel (identity, role, LISTEN).
    func connect() async throws -> Drivers {
        let database = try await TeamDatabase.connect(settings, environment: environment)
        do {
            let version = try await database.schemaVersion()
            let needed = TeamMigrations.latest
            guard version >= needed else { throw TeamLinkError.schemaBehind(found: version, needed: needed) }
            let channel = try await PostgresTeamChannel.open(database: database, scope: scope, sessionId: sessionId)
            let sentinel: PostgresConnection
            do { sentinel = try await PostgresConnection.connect(configuration: database.connection, id: 2, logger: TeamDatabase.logger) } catch {
                await channel.close()
                throw error
            }
            return Drivers(database: database, cache: PostgresCardCache(database: database, scope: scope),
                           journal: PostgresJournal(database: database, scope: scope),
                           audit: PostgresAuditTrail(database: database, scope: scope),
                           approvals: PostgresApprovals(database: database, scope: scope, profile: profile, sessionId: sessionId),
                           channel: channel, sentinel: sentinel)
        } catch let error as TeamLinkError {
            await database.close()
            throw error
        } catch {
            await database.close()
            throw TeamDatabaseError.wrap(error)
        }
    }

    /// Keeps the drivers and forwards their channel's events to the link's streams. Drivers it replaces
    /// (a pool that lost the server reconnects on its own slow schedule) are closed in the background.
    func attach(_ drivers: Drivers) {
        let events = drivers.channel.events()
        let pump = Task { [hub] in for await event in events { hub.send(event) } }
        let (closed, old, oldPump) = state.withLock { state in
            guard !state.closed else { return (true, Drivers?.none, Task<Void, Never>?.none) }
            defer {
                state.drivers = drivers
                state.pump = pump
            }
            return (false, state.drivers, state.pump)
        }
        oldPump?.cancel()
        let retired = closed ? drivers : old
        if closed { pump.cancel() }
        if let retired { Task { await Self.retire(retired) } }
        guard !closed else { return }
        // The sentinel's end is the first sign that the server went away.
        let sentinel = drivers.sentinel
        Task { [weak self] in
            try? await sentinel.closeFuture.get()
            guard let self, state.withLock({ $0.drivers?.sentinel === sentinel }) else { return }
            staleness.set("\(Self.unreachable)the connection to \(settings.label) was lost")
        }
    }

    /// Closes drivers no longer in use: the sentinel first (so its end is not taken for a loss), the channel, the pool.
    static func retire(_ drivers: Drivers) async {
        try? await drivers.sentinel.close()
        await drivers.channel.close()
        await drivers.database.close()
    }

    /// While stale, looks for the server every `interval` by connecting afresh (new pool, new channel)
    /// and puts the new drivers in place of any old ones. When the server answers, the staleness clears
    /// and the streams hear `approvalsChanged` (what was missed meanwhile cannot be known).
    public func keepTrying(every interval: Duration = TeamLink.probeInterval) {
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard let self, !Task.isCancelled else { return }
                guard staleness.isStale || !isConnected else { continue }
                await probe()
            }
        }
        let keep = state.withLock { state in
            guard !state.closed, state.probe == nil else { return false }
            state.probe = task
            return true
        }
        if !keep { task.cancel() }
    }

    /// One look for the server; clears the staleness when it answers.
    func probe() async {
        do {
            attach(try await connect())
            staleness.set(nil)
            hub.send(.approvalsChanged)
        } catch {
            staleness.set("\(Self.unreachable)\(TeamDatabaseError.wrap(error))")
        }
    }
}
