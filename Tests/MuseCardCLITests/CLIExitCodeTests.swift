import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// The `musecard card …` commands as a script sees them: exit codes, standard output and error.
@Suite(.serialized)
struct CLIExitCodeTests {
    static let binary = Fixtures.productsFolder.appendingPathComponent("musecard").path

    func environment(_ base: URL?, key: String? = nil) throws -> [String: String] {
        var env = [
            "MUSECARD_PARTNER_ID": "200001",
            "MUSECARD_PRIVATE_KEY": try key ?? Fixtures.privateCopy("keys/partner_private.pem"),
            "MUSECARD_PLATFORM_PUBLIC_KEY": Fixtures.path("keys/platform_public.pem"),
            "HOME": Fixtures.scratchPath("home").path,
        ]
        if let base { env["MUSECARD_BASE_URL"] = base.absoluteString }
        return env
    }

    func run(_ arguments: [String], env: [String: String], stdin: String? = nil) async throws -> ProcessResult {
        try await ProcessRunner.run(Self.binary, arguments, stdin: stdin, environment: env, clearEnvironment: true)
    }

    @Test func successPrintsASummaryAndExitsZero() async throws {
        let server = try await ScriptedServer.start(["/v1/card/query": [.ok(#"{"user_id":"U1","card_id":"C1","card_status":"ACTIVE","card_no_last4":"4242","embossed_name":"EVIL\u001b[2J","daily_purchaseLimit":500.5}"#)]])
        let result = try await run(["card", "get", "--user", "U1", "--card", "C1"], env: try environment(server.baseURL))
        await server.stop()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ACTIVE"))
        #expect(result.stdout.contains("4242"))
        #expect(result.stdout.contains("500.5"))
        #expect(!result.stdout.contains("\u{1B}"), "escape sequences from the network never reach the terminal")
    }

    @Test func jsonPrintsTheDecodedData() async throws {
        let server = try await ScriptedServer.start(["/v1/card/lock": [.ok(#"{"user_id":"U1","card_id":"C1","card_status":"LOCK","extra":1}"#)]])
        let result = try await run(["card", "lock", "--user", "U1", "--card", "C1", "--json"], env: try environment(server.baseURL))
        await server.stop()
        #expect(result.status == 0)
        let json = try JSONParser.parse(result.stdout)
        #expect(json == ["user_id": "U1", "card_id": "C1", "card_status": "LOCK"])
    }

    @Test func refusalExitsOne() async throws {
        let server = try await ScriptedServer.start(["/v1/card/unlock": [ScriptedReply(body: #"{"code":5004,"message":"USER_STATUS_INVALID"}"#)]])
        let result = try await run(["card", "unlock", "--user", "U1", "--card", "C1"], env: try environment(server.baseURL))
        await server.stop()
        #expect(result.status == 1)
        #expect(result.stderr.contains("5004"))
        #expect(result.stderr.contains("USER_STATUS_INVALID"))
    }

    @Test func validationExits64NamingTheField() async throws {
        let server = try await ScriptedServer.start([:])
        let result = try await run(["card", "update-phone", "--user", "U1", "--card", "C1", "--area-code", "86", "--phone", "12ab"], env: try environment(server.baseURL))
        let sent = await server.received("/v1/card/update-phone")
        await server.stop()
        #expect(result.status == 64)
        #expect(result.stderr.contains("--phone: must be 4–15 digits"), "the flag is named, not the API field")
        #expect(sent.isEmpty)
    }

    @Test func badLimitExits64() async throws {
        let result = try await run(["card", "limit", "--user", "U1", "--card", "C1", "--daily", "1e3"], env: try environment(URL(string: "http://127.0.0.1:9")))
        #expect(result.status == 64)
        #expect(result.stderr.contains("--daily:"))
    }

    @Test func missingArgumentExits64() async throws {
        let result = try await run(["card", "lock", "--user", "U1"], env: try environment(URL(string: "http://127.0.0.1:9")))
        #expect(result.status == 64)
    }

    @Test func undecodableAnswerExits65() async throws {
        let server = try await ScriptedServer.start(["/v1/card/query": [ScriptedReply(body: "<html>")]])
        let result = try await run(["card", "get", "--user", "U1", "--card", "C1"], env: try environment(server.baseURL))
        await server.stop()
        #expect(result.status == 65)
    }

    @Test func unreachableExits69() async throws {
        let result = try await run(["card", "get", "--user", "U1", "--card", "C1"], env: try environment(URL(string: "http://127.0.0.1:9")))
        #expect(result.status == 69)
        #expect(result.stderr.contains("unreachable"))
    }

    @Test func looseKeyPermissionsExit77() async throws {
        let key = try Fixtures.privateCopy("keys/partner_private.pem", mode: 0o644)
        let result = try await run(["card", "get", "--user", "U1", "--card", "C1"], env: try environment(URL(string: "http://127.0.0.1:9"), key: key))
        #expect(result.status == 77)
        #expect(result.stderr.contains("chmod 600"))
    }

    @Test func missingConfigurationExits78() async throws {
        var env = try environment(nil)
        env["MUSECARD_PARTNER_ID"] = nil
        let result = try await run(["card", "get", "--user", "U1", "--card", "C1", "--base-url", "http://127.0.0.1:9"], env: env)
        #expect(result.status == 78)
        #expect(result.stderr.contains("MUSECARD_PARTNER_ID"))
    }

    @Test func plainHTTPToARemoteHostExits78() async throws {
        let result = try await run(["card", "get", "--user", "U1", "--card", "C1"], env: try environment(URL(string: "http://api.musepay.io")))
        #expect(result.status == 78)
        #expect(result.stderr.contains("https"))
    }

    @Test func changePINReadsStandardInputAndEncrypts() async throws {
        let server = try await ScriptedServer.start(["/v1/card/change-pin": [.ok()]])
        let result = try await run(["card", "change-pin", "--user", "U1", "--card", "C1"], env: try environment(server.baseURL), stdin: "4711\n")
        let bodies = await server.received("/v1/card/change-pin")
        await server.stop()
        #expect(result.status == 0, "\(result.stderr)")
        let encrypted = try #require(bodies.first?["card_pin"]?.scalarText)
        #expect(encrypted != "4711")
        #expect(!result.stdout.contains("4711") && !result.stderr.contains("4711"))
    }

    @Test func changePINRefusesABadPIN() async throws {
        let result = try await run(["card", "change-pin", "--user", "U1", "--card", "C1"], env: try environment(URL(string: "http://127.0.0.1:9")), stdin: "12\n")
        #expect(result.status == 64)
        #expect(result.stderr.contains("PIN on standard input"))
    }

    @Test func sensitiveInfoPrintsTheURLOnStandardOutputOnly() async throws {
        let server = try await ScriptedServer.start(["/v1/card/card-sensitive-info": [.ok(#"{"url":"http://127.0.0.1/reveal/xyz","expiry":"2026-11-25"}"#)]])
        let result = try await run(["card", "sensitive-info", "--user", "U1", "--card", "C1", "--ip", "203.0.113.7"], env: try environment(server.baseURL))
        await server.stop()
        #expect(result.status == 0)
        #expect(result.stdout.contains("http://127.0.0.1/reveal/xyz"))
        #expect(!result.stderr.contains("reveal"))
    }

    @Test func replaceSendsTheGivenRequestID() async throws {
        let server = try await ScriptedServer.start(["/v1/card/replace": [.ok(#"{"user_id":"U1","card_id":"C2","card_status":"PENDING_ACTIVE"}"#)]])
        let result = try await run(["card", "replace", "--user", "U1", "--card", "C1", "--reason", "LOST", "--request-id", "rep-42"], env: try environment(server.baseURL))
        let bodies = await server.received("/v1/card/replace")
        await server.stop()
        #expect(result.status == 0)
        #expect(result.stdout.contains("C2"))
        #expect(bodies.first?["request_id"] == "rep-42")
        #expect(bodies.first?["original_card_id"] == "C1")
    }
}
