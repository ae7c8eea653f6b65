import Foundation
import MuseCardStore
import Synchronization
import Testing

/// A driver of the store's protocols, as the contract suites run it: each test gets a fresh
/// place (a new SQLite folder, new in-memory stores, a new PostgreSQL database) from `make()`.
enum StoreDriver: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, memory

    var testDescription: String { rawValue }

    /// A fresh, empty place for this driver's rows.
    func make() async throws -> StoreBacking {
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
                cachePath: cache)
        case .memory:
            // One store per scope, the same one each time it is asked for: a scope is a separate store here.
            let caches = Mutex<[StoreScope: InMemoryCardCache]>([:])
            let journals = Mutex<[StoreScope: InMemoryJournal]>([:])
            let audit = InMemoryAuditSink()
            return StoreBacking(
                cache: { scope in caches.withLock { Self.kept(&$0, scope, InMemoryCardCache.init) } },
                journal: { scope in journals.withLock { Self.kept(&$0, scope, InMemoryJournal.init) } },
                audit: { audit },
                cachePath: nil)
        }
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
    /// The SQLite file, for tests that reach under the driver.
    let cachePath: String?

    static let sandbox = StoreScope(profile: "sandbox", partnerId: "200001")
    static let production = StoreScope(profile: "production", partnerId: "200001")
    static let otherPartner = StoreScope(profile: "sandbox", partnerId: "200002")

    /// The cache of the usual test scope.
    func cache() async throws -> any CardCache { try await cache(Self.sandbox) }
    /// The journal of the usual test scope.
    func journal() async throws -> any JournalStore { try await journal(Self.sandbox) }
}
