import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// `musecard cards …` and the cache updates of `musecard card …`, through the real binary.
struct CacheCommandTests {
    static let card = #"{"user_id":"U1","card_id":"C1","card_status":"ACTIVE","card_no_last4":"4242"}"#

    @Test func aQuerySavesTheRecordAndCardsListShowsIt() async throws {
        let h = try CLIStoreHarness()
        let server = try await ScriptedServer.start(["/v1/card/query": [.ok(Self.card)]])
        let get = try await h.run(["card", "get", "--user", "U1", "--card", "C1"], base: server.baseURL)
        await server.stop()
        #expect(get.status == 0, "\(get.stderr)")
        let list = try await h.run(["cards", "list", "--user", "U1"])
        #expect(list.status == 0, "\(list.stderr)")
        let row = try #require(list.stdout.split(separator: "\n").first { $0.hasPrefix("C1") })
        #expect(row.contains("ACTIVE") && row.contains("4242") && row.contains("s ago"))
        let json = try JSONParser.parse(try await h.run(["cards", "list", "--user", "U1", "--json"]).stdout)
        #expect(json.arrayValue?.first?["card_status"] == "ACTIVE")
        #expect(json.arrayValue?.first?["card_no_last4"] == "4242")
        // Cache and trail live under the HOME of the process, privately.
        #expect(FileManager.default.fileExists(atPath: h.cacheFile.path))
    }

    @Test func addListForget() async throws {
        let h = try CLIStoreHarness()
        #expect(try await h.run(["cards", "add", "--user", "U1", "--card", "C2"]).status == 0)
        #expect(try await h.run(["cards", "add", "--user", "U1", "--card", "C1"]).status == 0)
        #expect(try await h.run(["cards", "add", "--user", "U1", "--card", "C2"]).status == 0)
        let list = try await h.run(["cards", "list", "--user", "U1"]).stdout
        let ids = list.split(separator: "\n").dropFirst().map { $0.split(separator: " ").first.map(String.init) }
        #expect(ids == ["C2", "C1"], "in the order added, once each")
        #expect(list.contains("never"))
        #expect(try await h.run(["cards", "forget", "--user", "U1", "--card", "C2"]).status == 0)
        let after = try await h.run(["cards", "list", "--user", "U1"]).stdout
        #expect(!after.contains("C2") && after.contains("C1"))
        // Another partner sees none of them.
        let other = try await h.run(["cards", "list", "--user", "U1"], extra: ["MUSECARD_PARTNER_ID": "999999"])
        #expect(other.stdout.contains("No cards cached"))
    }

    @Test func forgetWithoutACardForgetsTheCardholder() async throws {
        let h = try CLIStoreHarness()
        #expect(try await h.run(["cards", "add", "--user", "U1", "--card", "C1"]).status == 0)
        #expect(try await h.run(["cards", "add", "--user", "U2", "--card", "C9"]).status == 0)
        let forget = try await h.run(["cards", "forget", "--user", "U1"])
        #expect(forget.status == 0, "\(forget.stderr)")
        #expect(forget.stdout.contains("Cardholder U1 and their cards forgotten"))
        #expect(try await h.run(["cards", "list", "--user", "U1"]).stdout.contains("No cards cached"))
        #expect(try await h.run(["cards", "list", "--user", "U2"]).stdout.contains("C9"), "the others are kept")
        let again = try await h.run(["cards", "forget", "--user", "U1"])
        #expect(again.status == 0 && again.stdout.contains("was not in the cache"))
        let bad = try await h.run(["cards", "forget", "--user", "U\u{1B}[2J"])
        #expect(bad.status == 64 && bad.stderr.contains("--user"))
    }

    @Test func aCorruptCacheIsMovedAsideAndTheUserToldOnce() async throws {
        let h = try CLIStoreHarness()
        try FileManager.default.createDirectory(at: h.cacheFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(repeating: 0xAB, count: 4096).write(to: h.cacheFile)
        let first = try await h.run(["cards", "add", "--user", "U1", "--card", "C1"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("cache.sqlite.corrupt-"))
        let aside = try FileManager.default.contentsOfDirectory(atPath: h.cacheFile.deletingLastPathComponent().path)
            .filter { $0.hasPrefix("cache.sqlite.corrupt-") }
        #expect(aside.count == 1)
        let second = try await h.run(["cards", "list", "--user", "U1"])
        #expect(second.status == 0 && second.stdout.contains("C1"))
        #expect(second.stderr.isEmpty, "told once")
    }

    @Test func badIdsAndMissingPartnerAreRefused() async throws {
        let h = try CLIStoreHarness()
        let bad = try await h.run(["cards", "add", "--user", "U\u{1B}[2J", "--card", "C1"])
        #expect(bad.status == 64 && bad.stderr.contains("--user"), "the flag is named, not the API field")
        var noPartner = h
        noPartner.environment["MUSECARD_PARTNER_ID"] = nil
        let result = try await noPartner.run(["cards", "list", "--user", "U1"])
        #expect(result.status == 78 && result.stderr.contains("partner id"))
    }

    @Test func lockUpdatesTheCachedStatusAndARefusalIsTheLastError() async throws {
        let h = try CLIStoreHarness()
        let locked = #"{"user_id":"U1","card_id":"C1","card_status":"LOCK"}"#
        // Queries: the get, the lock's and then the unlock's status first (the card is locked by then).
        let server = try await ScriptedServer.start([
            "/v1/card/query": [.ok(Self.card), .ok(Self.card), .ok(locked)],
            "/v1/card/lock": [.ok(locked)],
            "/v1/card/unlock": [ScriptedReply(body: #"{"code":5004,"message":"USER_STATUS_INVALID"}"#)],
        ])
        _ = try await h.run(["card", "get", "--user", "U1", "--card", "C1"], base: server.baseURL)
        let lock = try await h.run(["card", "lock", "--user", "U1", "--card", "C1"], base: server.baseURL)
        #expect(lock.status == 0, "\(lock.stderr)")
        #expect(try await h.run(["cards", "list", "--user", "U1"]).stdout.contains("LOCK"))
        let unlock = try await h.run(["card", "unlock", "--user", "U1", "--card", "C1"], base: server.baseURL)
        await server.stop()
        #expect(unlock.status == 1)
        let row = try await h.run(["cards", "list", "--user", "U1"]).stdout
        #expect(row.contains("5004") && row.contains("LOCK"), "last error shown beside the last known status")
    }

    @Test func applyResultWithACardAddsIt() async throws {
        let h = try CLIStoreHarness()
        let server = try await ScriptedServer.start([
            "/v1/card/apply-result": [.ok(#"{"request_id":"app-1","user_id":"U1","apply_id":"A1","card_id":"C77","apply_status":"SUCCESS"}"#)],
        ])
        let result = try await h.run(["card", "apply-result", "--user", "U1", "--request-id", "app-1"], base: server.baseURL)
        await server.stop()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try await h.run(["cards", "list", "--user", "U1"]).stdout.contains("C77"))
    }
}

extension JSONValue {
    var arrayValue: [JSONValue]? { if case .array(let items) = self { return items } else { return nil } }
}
