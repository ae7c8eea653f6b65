import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardStore

/// The store side of one command-line process: settings, paths, cache, audit trail, session id, operator.
final class StoreSession: Sendable {
    let settings: ConnectionSettings
    let paths: MuseCardPaths
    /// One id per process, so audit lines of one run can be grouped.
    let sessionId: String
    let operatorName: String
    /// `nil` when there is no partner id to scope it by, or it could not be opened (the user was told).
    let cache: SQLiteCardCache?
    /// `nil` for sessions that only read.
    let audit: AuditLog?

    /// Resolves the settings (exit 78 on a bad config), opens the cache if possible and the audit trail if asked.
    static func open(_ connection: ConnectionOptions, audited: Bool,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StoreSession {
        let settings = try connection.settingsOrExit(environment: environment)
        let paths = MuseCardPaths.resolve(environment: environment)
        var cache: SQLiteCardCache?
        if let scope = settings.scope {
            do {
                let opened = try CacheFile.open(paths: paths, scope: scope)
                if let notice = opened.notice { StandardError.print("musecard: \(notice)") }
                cache = opened.cache
            } catch {
                StandardError.print("musecard: warning: the cache is not available (\(error)); continuing without it")
            }
        }
        var audit: AuditLog?
        if audited {
            do { audit = try AuditLog(path: paths.auditFile.path) } catch {
                // Acting without a trail is not allowed: stop before anything is sent.
                StandardError.print("musecard: cannot open the audit trail: \(error)")
                throw ExitCode(StoreExit.ioError)
            }
        }
        return StoreSession(settings: settings, paths: paths, cache: cache, audit: audit, environment: environment)
    }

    private init(settings: ConnectionSettings, paths: MuseCardPaths, cache: SQLiteCardCache?, audit: AuditLog?,
                 environment: [String: String]) {
        self.settings = settings
        self.paths = paths
        self.cache = cache
        self.audit = audit
        self.sessionId = "cli-" + Nonce.make().prefix(12)
        self.operatorName = settings.actingOperator(environment)
    }

    /// Appends to the audit trail (flushed); a failure is reported and turns the exit code into 74.
    func record(userId: String, cardId: String?, action: String, parameters: [String: String],
                outcome: AuditOutcome, requestId: String?) async -> Bool {
        guard let audit else { return true }
        let entry = AuditEntry(time: Date(), operatorName: operatorName, sessionId: sessionId, ticket: settings.ticket,
                               profile: settings.profileLabel, userId: userId, cardId: cardId, action: action,
                               parameters: parameters, outcome: outcome, requestId: requestId)
        do {
            try await audit.append(entry)
            return true
        } catch {
            StandardError.print("musecard: could not write the audit trail: \(error)")
            return false
        }
    }

    /// Runs a cache step; a failure is a warning, never a lost command.
    func withCache(_ step: (SQLiteCardCache) async throws -> Void) async {
        guard let cache else { return }
        do { try await step(cache) } catch {
            StandardError.print("musecard: warning: could not update the cache: \(error)")
        }
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

/// Exit codes of the store commands beyond `ExitStatus`.
enum StoreExit {
    /// EX_IOERR: the audit trail or cache could not be written.
    static let ioError: Int32 = 74
}
