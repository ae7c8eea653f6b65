import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// Profiles from `config.yaml`, their overrides, `musecard info`, and bad configuration.
struct ProfileCommandTests {
    @Test func infoShowsTheProfileAndEveryPath() async throws {
        var h = try CLIStoreHarness()
        h.environment["MUSECARD_PARTNER_ID"] = nil
        try h.writeConfig("""
            default: sandbox
            profiles:
              sandbox:
                base_url: http://127.0.0.1:8080
                partner_id: "200001"
              live:
                base_url: https://api.musepay.io
                partner_id: "300001"
                operator: bob
            """)
        let sandbox = try await h.run(["info"])
        #expect(sandbox.status == 0, "\(sandbox.stderr)")
        #expect(sandbox.stdout.contains("sandbox") && !sandbox.stdout.contains("PRODUCTION"))
        for path in [h.configFile.path, h.cacheFile.path, h.auditFile.path, ".local/state/musecard/musecard.log", ".config/musecard/themes"] {
            #expect(sandbox.stdout.contains(path), "\(path)")
        }
        let live = try await h.run(["info", "--profile", "live"])
        #expect(live.stdout.hasPrefix("!!! PRODUCTION"))
        #expect(live.stdout.contains("300001"))
        let byEnvironment = try await h.run(["info"], extra: ["MUSECARD_PROFILE": "live", "MUSECARD_PARTNER_ID": "400001"])
        #expect(byEnvironment.stdout.contains("PRODUCTION") && byEnvironment.stdout.contains("400001"), "environment overrides the file")
        let byFlag = try await h.run(["info", "--partner-id", "500001"], extra: ["MUSECARD_PARTNER_ID": "400001"])
        #expect(byFlag.stdout.contains("500001"), "flags override the environment")
        let unknown = try await h.run(["info", "--profile", "nope"])
        #expect(unknown.status == 78 && unknown.stderr.contains("nope"))
    }

    @Test func aBadConfigExits78NamingFileAndLine() async throws {
        let h = try CLIStoreHarness()
        try h.writeConfig("profiles:\n  sandbox:\n    base_url: http://127.0.0.1:8080\n    colour: blue\n")
        let result = try await h.run(["card", "lock", "--user", "U1", "--card", "C1"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("config.yaml:4:") && result.stderr.contains("colour"))
        #expect(try h.auditLines().isEmpty)
    }

    @Test func theProfileSuppliesConnectionAndScopesTheCache() async throws {
        var h = try CLIStoreHarness()
        h.environment["MUSECARD_PARTNER_ID"] = nil
        let server = try await ScriptedServer.start(["/v1/card/query": [.ok(#"{"user_id":"U1","card_id":"C1","card_status":"ACTIVE"}"#)]])
        try h.writeConfig("""
            default: one
            profiles:
              one:
                base_url: \(server.baseURL.absoluteString)
                partner_id: "200001"
                private_key: \(h.environment["MUSECARD_PRIVATE_KEY"] ?? "")
              two:
                base_url: \(server.baseURL.absoluteString)
                partner_id: "200001"
                private_key: \(h.environment["MUSECARD_PRIVATE_KEY"] ?? "")
                read_only: true
            """)
        let get = try await h.run(["card", "get", "--user", "U1", "--card", "C1"])
        #expect(get.status == 0, "\(get.stderr)")
        #expect(try await h.run(["cards", "list", "--user", "U1"]).stdout.contains("ACTIVE"))
        #expect(try await h.run(["cards", "list", "--user", "U1", "--profile", "two"]).stdout.contains("No cards cached"))
        let lock = try await h.run(["card", "lock", "--user", "U1", "--card", "C1", "--profile", "two"])
        await server.stop()
        #expect(lock.status == 78 && lock.stderr.contains("read-only"))
    }
}
