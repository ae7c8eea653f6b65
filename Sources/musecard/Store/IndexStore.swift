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

    /// Opens it through the profile's store (`StoreSession`), or exits saying why: 78 for a setting to fix
    /// (no partner id, an old schema), 69 when the team database cannot be reached (the import goes to
    /// the team index alone: a local copy the team would not see is no import), 74 when the local file
    /// cannot be opened.
    static func open(_ connection: ConnectionOptions) async throws -> (StoreSession, IndexStore) {
        let (session, cache) = try await CacheAccess.open(connection)
        guard let link = session.link else {
            return (session, IndexStore(cache: cache, place: (cache as? SQLiteCardCache)?.path ?? session.paths.cacheFile.path, close: {}))
        }
        if let reason = link.staleness.reason {
            await session.close()
            StandardError.print("musecard: \(ServiceText.sanitize(reason)); nothing was imported")
            throw ExitCode(ExitStatus.unreachable)
        }
        return (session, IndexStore(cache: LinkedCardCache(link), place: "the team database \(link.settings.label)", close: { await session.close() }))
    }
}
