import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore

/// The store one process works with, as its profile chose it: the embedded SQLite files, or the
/// team's PostgreSQL with the local cache file as its last-known copy.
struct OpenedStore: Sendable {
    /// The cardholder index and card records; in a team a `MirroredCardCache`. `nil`: none could be opened.
    let cache: (any CardCache)?
    /// Pending idempotent requests; `nil`: apply and replace will not be sent.
    let journal: (any JournalStore)?
    /// The audit trail; `nil` for an embedded session that only reads.
    let audit: (any AuditSink)?
    /// The team's approvals and channel; `nil` for the embedded store.
    let team: TeamServices?
    /// The team store itself; `nil` for the embedded store.
    let link: TeamLink?
    /// What the person should know (a missing journal, an unreachable team store), one sentence each.
    let notices: [String]

    /// Whether the team store answers; `nil` for the embedded store.
    var staleness: StoreStaleness? { link?.staleness }

    /// Closes the team store (leaving the open cardholder); nothing to do for the embedded one.
    func close() async { await link?.close() }
}

/// Opens the store by profile, for the console and every command alike.
enum StoreWiring {
    /// What the process is.
    enum Purpose {
        /// A command; `audited` when it changes cards (then it needs an audit trail that can be written).
        case command(audited: Bool)
        /// The console; `demo` over the embedded sandbox, whose requests live only as long as the process.
        case console(demo: Bool)
    }

    /// Opens the store `settings` select for the partner `partnerId` (the cache scope and the team scope).
    /// Embedded: the cache and journal files, and the audit file when needed (exit 74 when it cannot be
    /// opened). Team: connects (exit 78 for a bad setting or an unmigrated schema); a server that
    /// cannot be reached leaves the link stale with the local copy in front, and a notice says so.
    static func open(settings: ConnectionSettings, paths: MuseCardPaths, partnerId: String?, environment serviceEnvironment: ServiceEnvironment,
                     profile: String, sessionId: String, purpose: Purpose,
                     environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> OpenedStore {
        let scope = partnerId.map { StoreScope(profile: profile, partnerId: $0) }
        var notices: [String] = []
        var local: SQLiteCardCache?
        if let scope {
            do {
                let opened = try CacheFile.open(paths: paths, scope: scope)
                if let notice = opened.notice { notices.append(notice) }
                local = opened.cache
            } catch {
                notices.append("The cache \(paths.cacheFile.path) is not available (\(error)); continuing without it.")
            }
        }
        if let store = settings.store {
            guard let partnerId else {
                throw ExitStatus.fail(.configuration("a team store needs the partner id (partner_id in the profile, MUSECARD_PARTNER_ID or --partner-id)"))
            }
            return try await team(store, local: local, scope: TeamScope(partnerId: partnerId, environment: serviceEnvironment),
                                  profile: profile, sessionId: sessionId, notices: notices, environment: environment)
        }
        var journal: (any JournalStore)?
        if case .console(demo: true) = purpose {
            journal = InMemoryJournal()
        } else if let scope {
            do { journal = try SQLiteJournal.open(paths: paths, scope: scope) } catch {
                notices.append("The journal \(paths.journalFile.path) cannot be opened (\(error)); apply and replace will not be sent.")
            }
        }
        var audit: AuditLog?
        if case .command(audited: false) = purpose {} else {
            do { audit = try AuditLog(path: paths.auditFile.path) } catch {
                // Acting without a trail is not allowed: stop before anything is sent.
                StandardError.print("musecard: cannot open the audit trail \(paths.auditFile.path): \(error)")
                throw ExitCode(ExitCodes.ioError)
            }
        }
        return OpenedStore(cache: local, journal: journal, audit: audit, team: nil, link: nil, notices: notices)
    }

    /// The team store: index, journal, audit and approvals in PostgreSQL; the local cache keeps the last-known copy.
    private static func team(_ store: TeamStoreSettings, local: SQLiteCardCache?, scope: TeamScope, profile: String, sessionId: String,
                             notices: [String], environment: [String: String]) async throws -> OpenedStore {
        let link: TeamLink
        do {
            link = try await TeamLink.open(store, scope: scope, profile: profile, sessionId: sessionId, environment: environment)
        } catch {
            throw ExitStatus.fail(.configuration(ServiceText.sanitize(String(describing: error))))
        }
        var notices = notices
        if let reason = link.staleness.reason {
            let detail = ServiceText.sanitize(reason.hasPrefix(TeamLink.unreachable) ? String(reason.dropFirst(TeamLink.unreachable.count)) : reason)
            notices.append("Team store unreachable — showing the local last-known copy; no change can be made until it is back (\(detail)).")
        }
        let cache = MirroredCardCache(primary: LinkedCardCache(link), local: local ?? InMemoryCardCache(), staleness: link.staleness)
        let team = TeamServices(approvals: LinkedApprovals(link), channel: LinkedTeamChannel(link))
        return OpenedStore(cache: cache, journal: LinkedJournal(link), audit: LinkedAuditTrail(link), team: team, link: link, notices: notices)
    }
}
