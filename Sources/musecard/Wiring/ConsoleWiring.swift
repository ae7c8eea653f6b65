import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardSandbox
import MuseCardStore
import MuseCardTUI
import MuseCardViewModel

/// A console ready to draw: the runtime, and how to stop what it started.
struct ConsoleLaunch: Sendable {
    let runtime: ConsoleRuntime
    /// OSC 52 copies for the terminal thread to write; `nil` when copying goes elsewhere or is off.
    let clipboard: OSC52Clipboard?
    let stop: @Sendable () async -> Void
}

/// Builds the console's runtime from the settings: the configured service, or the embedded
/// sandbox with demo data when no base URL is configured anywhere.
enum ConsoleWiring {
    /// The store is the profile's (`StoreWiring`): with a team store on PostgreSQL the console acts
    /// as the database's identity, shows viewers, busy cards and approvals, asks for four-eyes
    /// unlocks, and follows the store's staleness (when it cannot be reached the local last-known
    /// copy shows, the top bar says so, no change is offered, and a probe brings it back).
    static func launch(settings: ConnectionSettings, userId: String?, readOnly: Bool,
                       environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> ConsoleLaunch {
        let paths = MuseCardPaths.resolve(environment: environment)
        let keys = try keyTable(settings, paths: paths)
        let retries = RetryRelay()
        let backend = try await Backend.make(settings) { retries.announce(attempt: $0, maxAttempts: $1, path: $2) }
        let sessionId = "tui-" + Nonce.make().prefix(12)
        let store: OpenedStore
        do {
            store = try await StoreWiring.open(settings: settings, paths: paths, partnerId: backend.client.configuration.partnerId,
                                               environment: backend.isDemo ? .sandbox : settings.environment, profile: backend.profile,
                                               sessionId: sessionId, purpose: .console(demo: backend.isDemo), environment: environment)
        } catch {
            await backend.stop()
            throw error
        }
        guard let cache = store.cache, let audit = store.audit else {
            await backend.stop()
            // Only the embedded store can lack them: its cache file could not be made (the notice says why).
            throw ExitStatus.fail(.configuration(store.notices.last ?? "cannot open the cache \(paths.cacheFile.path)"))
        }
        let team = store.team
        let session = SessionInfo(
            sessionId: sessionId, operatorName: team?.channel.identity ?? settings.actingOperator(environment),
            profile: backend.profile, environment: backend.badge, readOnly: readOnly || settings.readOnly, startedAt: Date(),
            refreshSeconds: settings.refreshSeconds, requireTicket: settings.requireTicket, aliases: settings.aliases,
            themeNames: ThemeCatalog.standard().names(),
            team: team.map { TeamSession(identity: $0.channel.identity, isApprover: $0.channel.isApprover, fourEyes: $0.channel.fourEyes) }
        )
        let context = OperationContext(operatorName: session.operatorName, sessionId: session.sessionId,
                                       profile: session.profile, readOnly: session.readOnly)
        let operations = CardOperations(service: backend.client, audit: audit, journal: store.journal, cache: cache, context: context, team: team)
        if backend.isDemo { await seedDemoCards(operations, shared: team != nil) }
        let osc52 = settings.clipboard == .osc52 ? OSC52Clipboard() : nil
        let env = ConsoleEnvironment(operations: operations, cache: cache, session: session,
                                     featuredCardholders: backend.isDemo ? demoCardholders : [],
                                     clipboard: clipboard(settings.clipboard, osc52: osc52), staleness: store.staleness)
        let runtime = ConsoleRuntime(state: ConsoleState(session: session), keys: keys, runner: LiveEffectRunner(environment: env))
        retries.attach(runtime)
        let stop: @Sendable () async -> Void = {
            await store.close()
            await backend.stop()
        }
        // Known before anything is read: a team store away from the start greys changes from the first frame.
        if store.staleness?.isStale == true { runtime.send(.teamStoreReachable(false)) }
        if let userId {
            do { try FieldRules.id(userId, field: "user_id") } catch {
                await stop()
                throw ExitStatus.fail(error)
            }
            let label = backend.isDemo ? DemoData.cardholders.first { $0.userId == userId }?.label : nil
            runtime.send(.openCardholder(userId: userId, label: label, ticket: settings.ticket))
        } else {
            runtime.send(.showPicker)
        }
        for notice in store.notices { runtime.send(.notice(notice)) }
        if team != nil {
            runtime.send(.startTeam)
            // While the team store is away, look for it every few seconds: the console recovers by itself.
            store.link?.keepTrying()
        }
        runtime.send(.startAutoRefresh)
        return ConsoleLaunch(runtime: runtime, clipboard: osc52, stop: stop)
    }

    /// The default key table with the config file's remaps; a bad remap stops with exit 78.
    static func keyTable(_ settings: ConnectionSettings, paths: MuseCardPaths) throws -> KeyTable {
        do { return try KeyTable.defaults.remapped(settings.keyBindings) } catch {
            throw ExitStatus.fail(.configuration("\(paths.configFile.path): \(error)"))
        }
    }

    /// The clipboard `clipboard:` in config asks for.
    static func clipboard(_ setting: ClipboardSetting, osc52: OSC52Clipboard?) -> (any Clipboard)? {
        switch setting {
        case .osc52: return osc52
        case .command(let words): return CommandClipboard(words: words)
        case .off: return nil
        }
    }

    static var demoCardholders: [KnownCardholder] {
        DemoData.cardholders.map { KnownCardholder(userId: $0.userId, label: $0.label, cardCount: $0.cardIds.count) }
    }

    /// There is no list-cards endpoint: the console learns the demo cards from the sandbox's own list.
    /// The embedded sandbox starts from the demo data each launch: cards an earlier run applied
    /// for or replaced no longer exist there, and would show as stale 7000 rows.
    /// A team's index is shared: it is added to, never started over.
    static func seedDemoCards(_ operations: CardOperations, shared: Bool) async {
        if !shared { try? await operations.startOverIndex() }
        for holder in DemoData.cardholders {
            for cardId in holder.cardIds { try? await operations.noteCard(userId: holder.userId, cardId: cardId) }
        }
    }
}
