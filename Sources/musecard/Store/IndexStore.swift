import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore

/// The cardholder index of the profile in use: the team database's for a profile with
/// `store: {kind: postgres, …}`, else the local SQLite file.
struct IndexStore {
    /// The index.
    let cache: any CardCache
    /// Where it is, for people: `the team database agent@db:5432/musecard` or the file's path.
    let place: String
    /// Closes what was opened for it.
    let close: @Sendable () async -> Void

    /// Opens it, or exits saying why: 78 for a setting to fix (no partner id, an old schema), 69 when
    /// the team database cannot be reached, 74 when the local file cannot be opened.
    static func open(_ connection: ConnectionOptions, environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> (StoreSession, IndexStore) {
        guard let store = try connection.settingsOrExit(environment: environment).store else {
            let (session, cache) = try CacheAccess.open(connection)
            return (session, IndexStore(cache: cache, place: cache.path, close: {}))
        }
        let session = try StoreSession.open(connection, audited: false, environment: environment)
        guard let scope = session.settings.teamScope else { throw CacheAccess.noPartner() }
        let database: TeamDatabase
        do { database = try await TeamDatabase.connect(store, environment: environment) } catch {
            StandardError.print("musecard: \(ServiceText.sanitize(String(describing: error)))")
            if case TeamDatabaseError.settings = error { throw ExitCode(ExitStatus.configuration) }
            throw ExitCode(ExitStatus.unreachable)
        }
        let version: Int
        do { version = try await database.schemaVersion() } catch {
            await database.close()
            StandardError.print("musecard: \(ServiceText.sanitize(String(describing: error)))")
            throw ExitCode(ExitStatus.unreachable)
        }
        guard version >= TeamMigrations.latest else {
            await database.close()
            StandardError.print("musecard: the team database \(store.label) is at schema version \(version), this musecard needs \(TeamMigrations.latest): run musecard team init")
            throw ExitCode(ExitStatus.configuration)
        }
        let index = IndexStore(cache: PostgresCardCache(database: database, scope: scope), place: "the team database \(store.label)",
                               close: { await database.close() })
        return (session, index)
    }
}

extension ConnectionSettings {
    /// The team database's scope (partner and environment, whatever the profile is called); `nil` without a partner id.
    var teamScope: TeamScope? { partnerId.map { TeamScope(partnerId: $0, environment: environment) } }
}
