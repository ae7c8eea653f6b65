import Foundation
import MuseCardKit
import MuseCardSandbox
import MuseCardTestSupport
import Testing

/// The command line through the operations layer against the real sandbox over a socket: the
/// same rules the unit tests check against the fake.
@Suite(.serialized)
struct OnePathCommandTests {
    static let holder = "60004409"
    static let card = "VC1000000005"

    static func sandbox(_ faults: FaultPlan = FaultPlan()) async throws -> SandboxServer {
        try await SandboxServer.start(SandboxOptions(partnerPublicKey: try Fixtures.text("keys/partner_public.pem"),
                                                     platformPrivateKey: try Fixtures.text("keys/platform_private.pem"), faults: faults))
    }

    @Test func aServerErrorOnReplaceIsUnknownThenResumedUnderTheSameRequestId() async throws {
        let h = try CLIStoreHarness()
        let failing = FaultRule(serverErrorRate: 1, limit: 3)
        let server = try await Self.sandbox(FaultPlan(paths: ["/v1/card/replace": failing]))
        defer { Task { await server.stop() } }
        let args = ["card", "replace", "--user", Self.holder, "--card", Self.card, "--reason", "LOST"]
        #expect(try await h.run(["card", "get", "--user", Self.holder, "--card", Self.card], base: server.baseURL).status == 0)
        let first = try await h.run(args, base: server.baseURL)
        #expect(first.status == 75, "\(first.stderr)")
        #expect(first.stderr.contains("outcome unknown — refresh the card"))
        let unknown = try #require(try h.resultLines().last)
        #expect(unknown["outcome"] == "unknown")
        let requestId = try #require(unknown["request_id"]?.scalarText)

        let second = try await h.run(args, base: server.baseURL)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("resuming the pending replace") && second.stderr.contains(requestId))
        #expect(try h.resultLines().last?["request_id"]?.scalarText == requestId)
        let newCard = try #require(try h.resultLines().last?["values"]?["new_card_id"]?.scalarText)
        let list = try await h.run(["cards", "list", "--user", Self.holder], base: server.baseURL).stdout
        let old = try #require(list.split(separator: "\n").first { $0.contains(Self.card) })
        #expect(old.contains("CANCELED"), "the old card reads CANCELED in the cache: \(list)")
        #expect(list.contains(newCard))
        let table = try await h.run(["audit", "--card", Self.card])
        #expect(table.stdout.contains("unknown — check the card") && table.stdout.contains("applied"))
        await server.stop()
    }

    @Test func aCardTheServiceDoesNotKnowIsNotAddedToTheCardholder() async throws {
        let h = try CLIStoreHarness()
        let server = try await Self.sandbox()
        defer { Task { await server.stop() } }
        let lock = try await h.run(["card", "lock", "--user", Self.holder, "--card", "VC9999999999"], base: server.baseURL)
        #expect(lock.status == 1)
        #expect(lock.stderr.contains("does not know card VC9999999999"))
        let list = try await h.run(["cards", "list", "--user", Self.holder], base: server.baseURL)
        #expect(!list.stdout.contains("VC9999999999"))
        await server.stop()
    }

    @Test func theSameChangeHasTheSameNameFromTheCommandLine() async throws {
        let h = try CLIStoreHarness()
        let server = try await Self.sandbox()
        defer { Task { await server.stop() } }
        let limit = try await h.run(["card", "limit", "--user", Self.holder, "--card", Self.card, "--daily", "750.50"], base: server.baseURL)
        #expect(limit.status == 0, "\(limit.stderr)")
        let link = try await h.run(["card", "sensitive-info", "--user", Self.holder, "--card", Self.card, "--ip", "127.0.0.1"], base: server.baseURL)
        #expect(link.status == 0, "\(link.stderr)")
        await server.stop()
        #expect(try h.resultLines().map { $0["action"]?.scalarText } == ["change-limit", "sensitive-info"])
        let raw = try String(contentsOf: h.auditFile, encoding: .utf8)
        let url = link.stdout.split(separator: "\n").first.map(String.init) ?? "?"
        #expect(!raw.contains(url), "the one-time link never reaches the audit trail")
    }

    @Test func serviceTextNeverDrivesTheTerminal() async throws {
        let h = try CLIStoreHarness()
        let hostile = "\u{1B}]0;owned\u{07}\u{1B}]52;c;ZmFrZQ==\u{07}\u{1B}[2J\rfake: ok \u{202E}" + String(repeating: "A", count: 5000)
        let message = JSONValue.string(hostile).jsonText()
        let server = try await ScriptedServer.start([
            "/v1/card/lock": [ScriptedReply(body: #"{"code":5005,"message":\#(message)}"#)],
            "/v1/card/replace": [.ok(#"{"user_id":"U1","card_id":"C\u001b[2J9","card_status":"PENDING_ACTIVE\u001b]52;c;eA==\u0007"}"#)],
            "/v1/card/card-sensitive-info": [.ok(#"{"url":"https://x.test/r\u001b]0;t\u0007","expiry":"2026\u202E"}"#)],
            "/v1/card/apply": [.ok(#"{"apply_status":"APPLYING\u001b[31m","apply_id":"A\u001b[2J1","request_id":"r\u001b]0;x\u0007"}"#)],
        ])
        defer { Task { await server.stop() } }
        let runs = [
            try await h.run(["card", "lock", "--user", "U1", "--card", "C1"], base: server.baseURL),
            try await h.run(["card", "replace", "--user", "U1", "--card", "C1", "--reason", "LOST"], base: server.baseURL),
            try await h.run(["card", "sensitive-info", "--user", "U1", "--card", "C1", "--ip", "127.0.0.1"], base: server.baseURL),
            try await h.run(["card", "sensitive-info", "--user", "U1", "--card", "C1", "--ip", "127.0.0.1", "--json"], base: server.baseURL),
            try await h.run(["card", "apply", "--user", "U1", "--product", "P1", "--level", "1", "--area-code", "86", "--phone", "13800001234"],
                            base: server.baseURL),
            try await h.run(["card", "replace", "--user", "U1", "--card", "C1", "--reason", "LOST", "--json", "--request-id", "rep-2"],
                            base: server.baseURL),
        ]
        await server.stop()
        #expect(runs[0].status == 1)
        #expect(runs[0].stderr.count < 800, "a 5,000-character message is cut")
        for run in runs {
            let text = run.stdout + run.stderr
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E || $0.value == 0x0D },
                    "raw control text reached the terminal: \(text.debugDescription.prefix(300))")
        }
    }
}
