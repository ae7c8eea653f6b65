import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore

/// The store side of one command-line process: settings, paths, cache, journal, audit trail.
final class StoreSession: Sendable {
    let settings: ConnectionSettings
    let paths: MuseCardPaths
    /// One id per process, so audit lines of one run can be grouped.
    let sessionId: String
    /// `nil` when there is no partner id to scope it by, or it could not be opened (the user was told).
    let cache: SQLiteCardCache?
    /// `nil` without a partner id, or when it could not be opened (apply and replace then refuse to send).
    let journal: SQLiteJournal?
    /// `nil` for sessions that only read.
    let audit: AuditLog?
    /// A team store's approvals and channel: `nil` until a profile's PostgreSQL store is wired here.
    let team: TeamServices? = nil

    /// Resolves the settings (exit 78 on a bad config), opens the cache and journal if possible and the audit trail if asked.
    static func open(_ connection: ConnectionOptions, audited: Bool,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StoreSession {
        let settings = try connection.settingsOrExit(environment: environment)
        let paths = MuseCardPaths.resolve(environment: environment)
        var cache: SQLiteCardCache?
        var journal: SQLiteJournal?
        if let scope = settings.scope {
            do {
                let opened = try CacheFile.open(paths: paths, scope: scope)
                if let notice = opened.notice { StandardError.print("musecard: \(notice)") }
                cache = opened.cache
            } catch {
                StandardError.print("musecard: warning: the cache is not available (\(error)); continuing without it")
            }
            do { journal = try SQLiteJournal.open(paths: paths, scope: scope) } catch {
                StandardError.print("musecard: warning: the journal \(paths.journalFile.path) cannot be opened (\(error)); apply and replace will not be sent")
            }
        }
        var audit: AuditLog?
        if audited {
            do { audit = try AuditLog(path: paths.auditFile.path) } catch {
                // Acting without a trail is not allowed: stop before anything is sent.
                StandardError.print("musecard: cannot open the audit trail: \(error)")
                throw ExitCode(ExitCodes.ioError)
            }
        }
        return StoreSession(settings: settings, paths: paths, cache: cache, journal: journal, audit: audit)
    }

    private init(settings: ConnectionSettings, paths: MuseCardPaths, cache: SQLiteCardCache?, journal: SQLiteJournal?, audit: AuditLog?) {
        self.settings = settings
        self.paths = paths
        self.cache = cache
        self.journal = journal
        self.audit = audit
        self.sessionId = "cli-" + Nonce.make().prefix(12)
    }

    /// The operations layer over `service` with this session's stores and identity.
    func operations(service: any CardService, runId: String? = nil,
                    environment: [String: String] = ProcessInfo.processInfo.environment) -> CardOperations {
        let context = OperationContext(operatorName: settings.actingOperator(environment), sessionId: sessionId,
                                       profile: settings.profileLabel, readOnly: settings.readOnly, runId: runId)
        return CardOperations(service: service, audit: audit ?? InMemoryAuditSink(), journal: journal, cache: cache, context: context, team: team)
    }

    /// The login user name: `USER`/`LOGNAME`, else the password database, else `unknown`.
    static func loginName(_ environment: [String: String]) -> String {
        if let name = environment["USER"] ?? environment["LOGNAME"], !name.isEmpty { return name }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "unknown"
    }
}

extension ConnectionSettings {
    /// Who is acting: the configured operator, else the login name.
    func actingOperator(_ environment: [String: String]) -> String {
        operatorName ?? StoreSession.loginName(environment)
    }

    /// The cache scope; `nil` without a partner id.
    var scope: StoreScope? { partnerId.map { StoreScope(profile: profileLabel, partnerId: $0) } }
}
