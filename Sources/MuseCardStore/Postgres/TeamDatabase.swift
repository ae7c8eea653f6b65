import Foundation
import Logging
import PostgresNIO

/// The team's PostgreSQL database: one connection pool (run by a task this object owns), the
/// schema migrations and the identity the server knows us by.
public final class TeamDatabase: Sendable {
    /// The pool every driver queries through.
    public let client: PostgresClient
    /// Where and how it connects.
    public let settings: TeamStoreSettings
    let connection: PostgresConnection.Configuration
    private let runner: Task<Void, Never>
    static let logger = Logger(label: "musecard.team-database", factory: { _ in SwiftLogNoOpLogHandler() })

    private init(settings: TeamStoreSettings, client: PostgresClient, connection: PostgresConnection.Configuration) {
        self.settings = settings
        self.client = client
        self.connection = connection
        runner = Task { await client.run() }
    }

    /// Connects (one probe connection first, so a wrong address, password or TLS setting fails now with
    /// the server's reason rather than as a pool that keeps retrying), then starts the pool.
    public static func connect(_ settings: TeamStoreSettings,
                               environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> TeamDatabase {
        let password: String?
        do { password = try TeamPassword.find(for: settings, environment: environment) } catch {
            throw TeamDatabaseError.settings(error)
        }
        let configurations = try TeamConnectionSettings(settings: settings, password: password, environment: environment)
        do {
            let probe = try await PostgresConnection.connect(configuration: configurations.connection, id: 0, logger: logger)
            try? await probe.close()
        } catch {
            throw TeamDatabaseError.unreachable(settings.label, TeamDatabaseError.reason(error))
        }
        return TeamDatabase(settings: settings, client: PostgresClient(configuration: configurations.client, backgroundLogger: logger),
                            connection: configurations.connection)
    }

    /// Stops the pool; queries after this fail.
    public func close() async {
        runner.cancel()
        await runner.value
    }

    /// The role the server knows this session as (`session_user`): the identity stamped on every row.
    public func identity() async throws -> String {
        try await scalar("SELECT session_user::text", as: String.self) ?? ""
    }

    /// Runs `body` on a connection of its own, outside the pool (for LISTEN, which outlives any query).
    public func withDedicatedConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let connection = try await PostgresConnection.connect(configuration: connection, id: 1, logger: Self.logger)
        do {
            let value = try await body(connection)
            try? await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// The first column of the first row of `query`, or `nil` without rows.
    public func scalar<T: PostgresDecodable & Sendable>(_ query: PostgresQuery, as type: T.Type) async throws -> T? {
        do {
            return try await client.query(query, logger: Self.logger).collect().first?.decode(T.self)
        } catch { throw TeamDatabaseError.wrap(error) }
    }

    /// Runs a statement that returns no rows of interest.
    public func execute(_ query: PostgresQuery) async throws {
        do { try await client.query(query, logger: Self.logger) } catch { throw TeamDatabaseError.wrap(error) }
    }
}
