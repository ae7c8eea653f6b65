import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore

/// The store side of one command-line process: settings, paths, cache, journal, audit trail, and
/// in a team the PostgreSQL store (`StoreWiring` opens whichever the profile selects).
final class StoreSession: Sendable {
    let settings: ConnectionSettings
    let paths: MuseCardPaths
    /// One id per process, so audit lines of one run can be grouped.
    let sessionId: String
    /// `nil` when there is no partner id to scope it by, or it could not be opened (the user was told).
    let cache: (any CardCache)?
    /// `nil` without a partner id, or when it could not be opened (apply and replace then refuse to send).
    let journal: (any JournalStore)?
    /// `nil` for embedded sessions that only read.
    let audit: (any AuditSink)?
    /// A team store's approvals and channel; `nil` for the embedded store.
    let team: TeamServices?
    /// The team store; `nil` for the embedded store.
    let link: TeamLink?

    /// Resolves the settings (exit 78 on a bad config) and opens the store the profile selects.
    /// A team store that cannot be reached answers reads from the local copy with a warning; a
    /// command that changes cards (`audited`) then stops with exit 69 before anything is sent.
    static func open(_ connection: ConnectionOptions, audited: Bool,
                     environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> StoreSession {
        let settings = try connection.settingsOrExit(environment: environment)
        let paths = MuseCardPaths.resolve(environment: environment)
        let sessionId = "cli-" + Nonce.make().prefix(12)
        let store = try await StoreWiring.open(settings: settings, paths: paths, partnerId: settings.partnerId,
                                               environment: settings.environment, profile: settings.profileLabel,
                                               sessionId: sessionId, purpose: .command(audited: audited), environment: environment)
        if let link = store.link, let reason = link.staleness.reason, audited {
            await store.close()
            StandardError.print("musecard: \(ServiceText.sanitize(reason))")
            StandardError.print("musecard: nothing was sent: no change is made while the team audit trail cannot record it")
            throw ExitCode(ExitStatus.unreachable)
        }
        for notice in store.notices { StandardError.print("musecard: warning: \(notice)") }
        return StoreSession(settings: settings, paths: paths, sessionId: sessionId, store: store)
    }

    private init(settings: ConnectionSettings, paths: MuseCardPaths, sessionId: String, store: OpenedStore) {
        self.settings = settings
        self.paths = paths
        self.sessionId = sessionId
        cache = store.cache
        journal = store.journal
        audit = store.audit
        team = store.team
        link = store.link
    }

    /// The operations layer over `service` with this session's stores and identity.
    func operations(service: any CardService, runId: String? = nil,
                    environment: [String: String] = ProcessInfo.processInfo.environment) -> CardOperations {
        let context = OperationContext(operatorName: link?.identity ?? settings.actingOperator(environment), sessionId: sessionId,
                                       profile: settings.profileLabel, readOnly: settings.readOnly, runId: runId)
        return CardOperations(service: service, audit: audit ?? InMemoryAuditSink(), journal: journal, cache: cache, context: context, team: team)
    }

    /// Closes the team store, if there is one.
    func close() async { await link?.close() }

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
