import Foundation
import GRDB
import MuseCardStore
import MuseCardTestSupport
import Synchronization
import Testing

/// A driver of the store's protocols, as the contract suites run it: each test gets a fresh
/// place (a new SQLite folder, new in-memory stores, a new PostgreSQL database on the test cluster).
enum StoreDriver: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, memory, postgres

    var testDescription: String { rawValue }

    /// The drivers that can fail half-way (and so must not).
    static let fallible: [StoreDriver] = [.sqlite, .postgres]

    /// Runs `body` on a fresh, empty place for this driver's rows, closing it afterwards.
    func run(_ body: (StoreBacking) async throws -> Void) async throws {
        let place = try await make()
        do { try await body(place) } catch {
            await place.close()
            throw error
        }
        await place.close()
    }

    private func make() async throws -> StoreBacking {
        switch self {
        case .sqlite:
            let folder = StoreTestFolder.make("contract-\(rawValue)")
            let cache = folder.appendingPathComponent("cache.sqlite").path
            let journal = folder.appendingPathComponent("state/journal.sqlite").path
            let audit = folder.appendingPathComponent("state/audit.jsonl").path
            return StoreBacking(
                cache: { try SQLiteCardCache(path: cache, scope: $0) },
                journal: { try SQLiteJournal(path: journal, scope: $0) },
                audit: { try AuditLog(path: audit) },
                refuseCard: { card in
                    let queue = try DatabaseQueue(path: cache)
                    try await queue.write { db in
                        try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON card WHEN NEW.card_id = '\(card)' BEGIN SELECT RAISE(ABORT, 'card refused'); END")
                    }
                    try queue.close()
                })
        case .memory:
            // One store per scope, the same one each time it is asked for: a scope is a separate store here.
            let caches = Mutex<[StoreScope: InMemoryCardCache]>([:])
            let journals = Mutex<[StoreScope: InMemoryJournal]>([:])
            let audit = InMemoryAuditSink()
            return StoreBacking(
                cache: { scope in caches.withLock { Self.kept(&$0, scope, InMemoryCardCache.init) } },
                journal: { scope in journals.withLock { Self.kept(&$0, scope, InMemoryJournal.init) } },
                audit: { audit })
        case .postgres:
            // Migrated by the superuser, used as an agent: the contract runs under the grants agents have.
            let rig = try await TeamRig.make()
            let agent = try await rig.login("contract")
            let database = try await rig.connect(as: agent)
            return StoreBacking(
                cache: { PostgresCardCache(database: database, scope: Self.team($0)) },
                journal: { PostgresJournal(database: database, scope: Self.team($0)) },
                audit: { PostgresAuditTrail(database: database, scope: Self.team(StoreBacking.sandbox)) },
                auditStamps: agent,
                refuseCard: { card in
                    try await rig.superSQL("""
                        CREATE FUNCTION refuse_card() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN IF NEW.card_id = '\(card)' THEN RAISE EXCEPTION 'card refused'; END IF; RETURN NEW; END $$;
                        CREATE TRIGGER refuse BEFORE INSERT ON card FOR EACH ROW EXECUTE FUNCTION refuse_card();
                        """)
                },
                close: { await database.close() })
        }
    }

    /// The team scope standing for a test's store scope: the profile name read as the environment.
    static func team(_ scope: StoreScope) -> TeamScope {
        TeamScope(partnerId: scope.partnerId, environment: ServiceEnvironment(rawValue: scope.profile) ?? .custom)
    }

    private static func kept<T>(_ stores: inout [StoreScope: T], _ scope: StoreScope, _ make: () -> T) -> T {
        if let store = stores[scope] { return store }
        let store = make()
        stores[scope] = store
        return store
    }
}

/// Opens a driver's stores on one place; asking twice for a scope opens the same rows again.
struct StoreBacking: Sendable {
    let cache: @Sendable (StoreScope) async throws -> any CardCache
    let journal: @Sendable (StoreScope) async throws -> any JournalStore
    let audit: @Sendable () async throws -> any AuditSink
    /// The identity a trail that stamps rows itself (the team's: operator and time) writes; `nil`: kept as given.
    var auditStamps: String?
    /// Makes the store refuse to add the card with this id (a fault under the driver); `nil` where nothing can fail.
    var refuseCard: (@Sendable (String) async throws -> Void)?
    var close: @Sendable () async -> Void = {}

    static let sandbox = StoreScope(profile: "sandbox", partnerId: "200001")
    static let production = StoreScope(profile: "production", partnerId: "200001")
    static let otherPartner = StoreScope(profile: "sandbox", partnerId: "200002")

    /// The cache of the usual test scope.
    func cache() async throws -> any CardCache { try await cache(Self.sandbox) }
    /// The journal of the usual test scope.
    func journal() async throws -> any JournalStore { try await journal(Self.sandbox) }
}
