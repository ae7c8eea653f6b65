import Foundation
import MuseCardKit
import MuseCardSandbox
import MuseCardTestSupport
import Testing

/// `musecard cardholder find` and `musecard card transactions`: plain tables, `--json`, sanitised text.
@Suite(.serialized)
struct TicketCommandTests {
    @Test func findKaetheByXidThenByPhoneAndListHerDeclinedTransaction() async throws {
        let h = try CLIStoreHarness()
        let server = try await OnePathCommandTests.sandbox()
        defer { Task { await server.stop() } }
        let byXid = try await h.run(["cardholder", "find", "--xid", "X60004408"], base: server.baseURL)
        #expect(byXid.status == 0, "\(byXid.stderr)")
        #expect(byXid.stdout.contains("60004408") && byXid.stdout.contains("Käthe Müller") && byXid.stdout.contains("•••5678"))
        #expect(!byXid.stdout.contains("15112345678"), "the phone is masked")
        let byPhone = try await h.run(["cardholder", "find", "--phone", "+49 151 12345678", "--json"], base: server.baseURL)
        #expect(byPhone.status == 0, "\(byPhone.stderr)")
        #expect(try JSONParser.parse(byPhone.stdout).arrayValue?.first?["user_xid"] == "X60004408", "\(byPhone.stdout)")
        let nobody = try await h.run(["cardholder", "find", "--name", "Otto"], base: server.baseURL)
        #expect(nobody.status == 1 && nobody.stderr.contains("no cardholder matches"))
        let bad = try await h.run(["cardholder", "find", "--user", "bad id!"], base: server.baseURL)
        #expect(bad.status == 64 && bad.stderr.contains("--user"))

        let declined = try await h.run(["card", "transactions", "--user", "60004408", "--card", "VC1000000001", "--status", "declined"],
                                       base: server.baseURL)
        #expect(declined.status == 0, "\(declined.stderr)")
        #expect(declined.stdout.contains("✗ DECLINED") && declined.stdout.contains("MERCHANT"))
        let many = try await h.run(["card", "transactions", "--user", "60004408", "--card", "VC1000000001", "--limit", "60", "--json"],
                                   base: server.baseURL)
        let items = try JSONParser.parse(many.stdout).arrayValue ?? []
        #expect(items.count == 60, "two pages joined")
        await server.stop()
    }

    @Test func transactionTextFromTheServiceIsSanitised() async throws {
        let h = try CLIStoreHarness()
        let server = try await ScriptedServer.start(["/v1/cardaccount/transactions": [.ok(#"""
            {"transactions":[{"detailId":"T1","txAmount":1.5,"txCurrency":"USD\u001b[2J","txStatus":"DECLINED\u202e","txType":"CHARGE",
            "txCreatedAt":"1795000000000","merchant":{"name":"Shop\u001b]52;c;eA==\u0007","mcc":"5411","country":"DE"}}]}
            """#)]])
        defer { Task { await server.stop() } }
        for json in [false, true] {
            let run = try await h.run(["card", "transactions", "--user", "U1", "--card", "C1"] + (json ? ["--json"] : []), base: server.baseURL)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!(run.stdout + run.stderr).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        }
        await server.stop()
    }
}

/// `musecard card txn-verify`: the token from standard input, audited without it.
struct TxnVerifyCommandTests {
    @Test func aConfirmIsSentAndAuditedWithoutTheToken() async throws {
        let h = try CLIStoreHarness()
        let server = try await OnePathCommandTests.sandbox()
        defer { Task { await server.stop() } }
        let run = try await h.run(["card", "txn-verify", "--user", "60004408", "--card", "VC1000000001", "--request-id", "VR-9", "--confirm"],
                                  base: server.baseURL, stdin: "tok-SECRET-42\n")
        await server.stop()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Verification VR-9 of card VC1000000001 confirmed."))
        #expect(try h.resultLines().last?["action"] == "txn-verify")
        #expect(try !String(contentsOf: h.auditFile, encoding: .utf8).contains("tok-SECRET"))
        let both = try await h.run(["card", "txn-verify", "--user", "U1", "--card", "C1", "--request-id", "VR-9"], stdin: "t\n")
        #expect(both.status == 64 && both.stderr.contains("--confirm or --decline"))
    }
}
