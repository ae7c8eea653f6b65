import Foundation
import GRDB
import MuseCardKit
import MuseCardStore
import Testing

/// The cache file itself: schema migrations, permissions, corruption, the journal across a crash.
@Suite(.serialized)
struct CacheFileTests {
    static let scope = StoreScope(profile: "sandbox", partnerId: "200001")

    @Test func aVersion1FileIsMigratedKeepingItsRows() async throws {
        let path = StoreTestFolder.make("v1").appendingPathComponent("cache.sqlite").path
        // A file as the first release wrote it: v1 tables, one card with an error, and the migration mark.
        let old = try DatabaseQueue(path: path)
        try await old.write { db in
            try db.execute(sql: """
                CREATE TABLE cardholder (profile TEXT NOT NULL, partner_id TEXT NOT NULL, user_id TEXT NOT NULL,
                    label TEXT, last_opened REAL, PRIMARY KEY (profile, partner_id, user_id));
                CREATE TABLE card (profile TEXT NOT NULL, partner_id TEXT NOT NULL, user_id TEXT NOT NULL, card_id TEXT NOT NULL,
                    record_json TEXT, fetched_at REAL, last_error TEXT, added_at REAL NOT NULL,
                    PRIMARY KEY (profile, partner_id, user_id, card_id));
                CREATE TABLE journal (profile TEXT NOT NULL, partner_id TEXT NOT NULL, request_id TEXT NOT NULL,
                    kind TEXT NOT NULL, user_id TEXT NOT NULL, card_id TEXT, state TEXT NOT NULL,
                    parameters_json TEXT NOT NULL, detail TEXT, created_at REAL NOT NULL, updated_at REAL NOT NULL,
                    PRIMARY KEY (profile, partner_id, request_id));
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1');
                INSERT INTO card VALUES ('sandbox', '200001', 'U1', 'C1',
                    '{"card_id":"C1","card_no_last4":"1234","card_status":"LOCK","user_id":"U1"}', 100, 'timeout', 50);
                """)
        }
        try old.close()

        let cache = try SQLiteCardCache(path: path, scope: Self.scope)
        #expect(try cache.appliedMigrations() == ["v1", "v2", "cardholder-profile", "card-list-order"])
        let card = try #require(try await cache.cards(of: "U1").first)
        #expect(card.record?.status == CardStatus(rawValue: "LOCK"))
        #expect(card.record?.last4 == "1234")
        #expect(card.lastError == "timeout" && card.lastErrorAt == nil)
        // The v2 column works on the migrated file.
        let at = Date(timeIntervalSinceReferenceDate: 200)
        try await cache.saveError(userId: "U1", cardId: "C1", message: "refused", at: at)
        #expect(try await cache.cards(of: "U1").first?.lastErrorAt == at)
    }

    @Test func folderAndFilesArePrivateEvenWithALooseUmask() async throws {
        let root = StoreTestFolder.make("perm")
        let paths = MuseCardPaths.resolve(environment: ["HOME": root.path])
        let saved = umask(0)
        defer { umask(saved) }
        let (cache, notice) = try CacheFile.open(paths: paths, scope: Self.scope)
        try await cache.addCard(userId: "U1", cardId: "C1", at: Date())
        #expect(notice == nil)
        #expect(StoreTestFolder.mode(paths.cacheFolder.path) == 0o700)
        #expect(StoreTestFolder.mode(paths.cacheFile.path) == 0o600)
        #expect(StoreTestFolder.mode(paths.cacheFile.path + ".lock") == 0o600)
        for suffix in ["-wal", "-shm"] {
            let path = paths.cacheFile.path + suffix
            #expect(FileManager.default.fileExists(atPath: path), "WAL mode keeps \(suffix) while open")
            #expect(StoreTestFolder.mode(path) == 0o600, "\(suffix)")
        }
        let audit = try AuditLog(path: paths.auditFile.path)
        try await audit.append(AuditEntry(time: Date(), operatorName: "op", sessionId: "s", profile: "sandbox",
                                          userId: "U1", action: "lock", outcome: .applied))
        #expect(StoreTestFolder.mode(paths.stateFolder.path) == 0o700)
        #expect(StoreTestFolder.mode(paths.auditFile.path) == 0o600)
    }

    @Test func aCorruptFileIsMovedAsideAndAFreshOneWorks() async throws {
        let root = StoreTestFolder.make("corrupt")
        let paths = MuseCardPaths.resolve(environment: ["HOME": root.path])
        try FileManager.default.createDirectory(at: paths.cacheFolder, withIntermediateDirectories: true)
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: paths.cacheFile)
        let now = try #require(AuditFilter.date(from: "2026-11-25T08:15:00Z"))

        let (cache, notice) = try CacheFile.open(folder: paths.cacheFolder, file: paths.cacheFile, scope: Self.scope, now: now)
        let aside = paths.cacheFile.path + ".corrupt-20261125T081500Z"
        #expect(try Data(contentsOf: URL(fileURLWithPath: aside)) == garbage, "the broken file is kept as it was")
        #expect(notice?.contains(aside) == true)
        try await cache.addCard(userId: "U1", cardId: "C1", at: Date())
        #expect(try await cache.cards(of: "U1").map(\.cardId) == ["C1"])

        // Told once: the next open finds a good file and says nothing.
        let again = try CacheFile.open(paths: paths, scope: Self.scope)
        #expect(again.notice == nil)
        #expect(try await again.cache.cards(of: "U1").map(\.cardId) == ["C1"])
    }

    @Test func aPendingJournalEntrySurvivesACorruptCacheBeingMovedAside() async throws {
        let root = StoreTestFolder.make("crash")
        let paths = MuseCardPaths.resolve(environment: ["HOME": root.path])
        let opened = Date(timeIntervalSinceReferenceDate: 800_000_000)
        do {
            _ = try CacheFile.open(paths: paths, scope: Self.scope)
            let journal = try SQLiteJournal.open(paths: paths, scope: Self.scope)
            try await journal.openJournal(JournalEntry(kind: .apply, requestId: "app-resume-1", userId: "U1",
                                                       parameters: ["card_product_id": "P1", "card_level": "1"], createdAt: opened))
            // No update: the process "dies" here with the request in flight.
        }
        #expect(paths.journalFile.deletingLastPathComponent() == paths.stateFolder, "kept with the audit trail, not the cache")
        #expect(StoreTestFolder.mode(paths.journalFile.path) == 0o600)
        try Data(repeating: 0x5A, count: 8192).write(to: paths.cacheFile)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: paths.cacheFile.path + suffix) }
        let fresh = try CacheFile.open(paths: paths, scope: Self.scope)
        #expect(fresh.notice != nil, "the cache was rebuilt")
        let pending = try await SQLiteJournal.open(paths: paths, scope: Self.scope).pendingJournal(userId: "U1")
        #expect(pending.map(\.requestId) == ["app-resume-1"])
        #expect(pending.first?.state == .pending)
        #expect(pending.first?.createdAt == opened)
        #expect(pending.first?.parameters == ["card_product_id": "P1", "card_level": "1"])
    }
}
