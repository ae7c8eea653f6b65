import Foundation
import MuseCardKit
import PostgresNIO
import Synchronization

/// A process's way to the team store on PostgreSQL: the drivers over one connected database. When the
/// server cannot be reached at start the link still opens, unconnected and stale (`staleness`), and
/// every call fails at once; `keepTrying` connects in the background, so a console recovers by itself.
/// The `Linked…` types are the store's parts over the link, whatever its state.
public final class TeamLink: Sendable {
    /// The drivers over one connected database.
    public struct Drivers: Sendable {
        public let database: TeamDatabase
        public let cache: PostgresCardCache
        public let journal: PostgresJournal
        public let audit: PostgresAuditTrail
        public let approvals: PostgresApprovals
        public let channel: PostgresTeamChannel
        /// An idle connection of the link's own: its end says at once that the server went away.
        let sentinel: PostgresConnection
    }

    struct State {
        var drivers: Drivers?
        var probe: Task<Void, Never>?
        var pump: Task<Void, Never>?
        var closed = false
    }

    /// Where the team store is.
    public let settings: TeamStoreSettings
    /// The partner and environment every row belongs to.
    public let scope: TeamScope
    /// The profile named on the audit rows.
    public let profile: String
    /// This process's session (audit rows, presence, busy marks).
    public let sessionId: String
    /// Whether the team store answers: set while it cannot be reached, cleared when it is back.
    public let staleness: StoreStaleness
    let environment: [String: String]
    let state = Mutex(State())
    /// Events of whichever channel is current, to every `events()` stream.
    let hub = TeamEventHub()

    init(settings: TeamStoreSettings, scope: TeamScope, profile: String, sessionId: String,
         staleness: StoreStaleness, environment: [String: String]) {
        self.settings = settings
        self.scope = scope
        self.profile = profile
        self.sessionId = sessionId
        self.staleness = staleness
        self.environment = environment
    }

    /// Connects; a server that cannot be reached gives an unconnected link marked stale. A bad setting
    /// or password file (`TeamDatabaseError.settings`) or a schema to migrate first (`TeamLinkError`) throws.
    public static func open(_ settings: TeamStoreSettings, scope: TeamScope, profile: String, sessionId: String,
                            staleness: StoreStaleness = StoreStaleness(),
                            environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> TeamLink {
        let link = TeamLink(settings: settings, scope: scope, profile: profile, sessionId: sessionId,
                            staleness: staleness, environment: environment)
        do {
            link.attach(try await link.connect())
        } catch let error as TeamDatabaseError {
            if case .settings = error { throw error }
            staleness.set("\(Self.unreachable)\(error)")
        }
        return link
    }

    /// How every staleness reason of the link begins.
    public static let unreachable = "team store unreachable: "

    /// Whether the drivers are there (the server answered at least once).
    public var isConnected: Bool { state.withLock { $0.drivers != nil } }

    /// The connected drivers, if any.
    public var drivers: Drivers? { state.withLock { $0.drivers } }

    /// The identity the server knows this process as; before the first connection, the URL's user
    /// (a login connects as itself, so that is what the server will say).
    public var identity: String { drivers?.channel.identity ?? settings.user }

    /// Whether the identity holds the approver role (`false` until the server said so).
    public var isApprover: Bool { drivers?.channel.isApprover ?? false }

    /// Every event of the team store from now on, across reconnections; ends when the link closes.
    public func events() -> AsyncStream<TeamEvent> { hub.subscribe(channel: "link") }

    /// Runs `call` on the connected drivers. While there are none, or the link is stale, it fails at once
    /// as unreachable (rather than waiting on a pool that lost the server); the probe of `keepTrying`
    /// reconnects. A lost connection marks the link stale, and so does a call with no answer within
    /// `answerWithin`: a pool that lost the server waits for a connection (up to a minute) before failing.
    func use<T: Sendable>(_ call: @escaping @Sendable (Drivers) async throws -> T) async throws -> T {
        do {
            // Abandoned, not awaited, at the deadline: postgres-nio may ignore the cancellation and wait on.
            return try await useUnbounded { drivers in try await AttemptDeadline.abandoning(until: .now + Self.answerWithin) { try await call(drivers) } }
        } catch is AttemptDeadline.Exceeded {
            let error = TeamDatabaseError.unreachable(settings.label, "no answer within \(Self.answerWithin)")
            staleness.set("\(Self.unreachable)\(error)")
            throw error
        }
    }

    /// `use` without the deadline, for a call that holds the store while other work runs (a card lock).
    func useUnbounded<T>(_ call: (Drivers) async throws -> T) async throws -> T {
        guard let drivers, !staleness.isStale else {
            throw TeamDatabaseError.unreachable(settings.label, "not connected (musecard keeps trying)")
        }
        do { return try await call(drivers) } catch {
            if let lost = Self.connectionLoss(error) { staleness.set(lost) }
            throw error
        }
    }

    /// The longest a call to the team store may take (an import's 5,000-row transaction included).
    static let answerWithin = Duration.seconds(30)
    /// The longest `close` waits for the connections to end.
    static let closeWithin = Duration.seconds(10)

    /// Why the connection was lost, when `error` says so; `nil` for the server's answers and other errors.
    static func connectionLoss(_ error: any Error) -> String? {
        guard let error = error as? TeamDatabaseError else { return nil }
        switch error {
        case .unreachable, .connection: return "\(Self.unreachable)\(error)"
        // Class 08 (connection exception) and 57P (the server shutting down) are losses too.
        case .server(let state, _) where state.hasPrefix("08") || state.hasPrefix("57P"): return "\(Self.unreachable)\(error)"
        default: return nil
        }
    }

    /// Stops trying, closes the channel (leaving the cardholder) and the pool, ends every `events()` stream.
    public func close() async {
        let (drivers, probe, pump) = state.withLock { state in
            defer { state = State(closed: true) }
            return (state.drivers, state.probe, state.pump)
        }
        probe?.cancel()
        pump?.cancel()
        // A pool waiting on a connection that will never answer would hold the close: it is left behind.
        if let drivers { _ = try? await AttemptDeadline.abandoning(until: .now + Self.closeWithin) { await Self.retire(drivers) } }
        hub.finish(channel: "link")
    }
}
