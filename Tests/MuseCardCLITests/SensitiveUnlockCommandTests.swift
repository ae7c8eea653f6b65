import Foundation
import MuseCardKit
import MuseCardSandbox
import MuseCardTestSupport
import Testing

/// `musecard card unlock` of a card locked for a sensitive reason, single agent, against the
/// sandbox: `--confirm-last4` is required and checked; approvals need a team store.
@Suite(.serialized)
struct SensitiveUnlockCommandTests {
    static let holder = OnePathCommandTests.holder
    static let card = OnePathCommandTests.card

    @Test func aStolenCardUnlocksOnlyWithItsLastFourDigits() async throws {
        let h = try CLIStoreHarness()
        let server = try await OnePathCommandTests.sandbox()
        defer { Task { await server.stop() } }
        let target = ["--user", Self.holder, "--card", Self.card]
        let details = try await h.run(["card", "get", "--json"] + target, base: server.baseURL)
        #expect(details.status == 0, "\(details.stderr)")
        let last4 = try #require(try JSONParser.parse(details.stdout)["card_no_last4"]?.scalarText)
        let lock = try await h.run(["card", "lock", "--reason", "stolen", "--note", "wallet stolen"] + target, base: server.baseURL)
        #expect(lock.status == 0, "\(lock.stderr)")

        let missing = try await h.run(["card", "unlock"] + target, base: server.baseURL)
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("--confirm-last4: card \(Self.card) was locked as STOLEN by alice; type the card's last four digits to unlock it"),
                "\(missing.stderr)")
        let wrong = try await h.run(["card", "unlock", "--confirm-last4", last4 == "0000" ? "1111" : "0000"] + target, base: server.baseURL)
        #expect(wrong.status == 64 && wrong.stderr.contains("--confirm-last4: does not match the card's last four digits"), "\(wrong.stderr)")
        let approval = try await h.run(["card", "unlock", "--approval", "apr-1"] + target, base: server.baseURL)
        #expect(approval.status == 64 && approval.stderr.contains("--approval: approvals need a team store"), "\(approval.stderr)")

        let right = try await h.run(["card", "unlock", "--confirm-last4", last4] + target, base: server.baseURL)
        #expect(right.status == 0, "\(right.stderr)")
        let results = try h.resultLines().filter { $0["action"] == "unlock" }
        #expect(results.map { $0["outcome"]?.scalarText } == ["not-sent", "not-sent", "not-sent", "applied"])
        #expect(results.last?["parameters"]?["unlock_check"] == "last4")
        #expect(try h.auditLines().filter { $0["action"] == "unlock" && $0["type"] == "intent" }.count == 1, "only the right one was announced")
    }

    @Test func approvalsNeedATeamStore() async throws {
        let h = try CLIStoreHarness()
        let list = try await h.run(["approvals", "list"])
        #expect(list.status == 78 && list.stderr.contains("approvals need a team store"), "\(list.stderr)")
        let request = try await h.run(["approvals", "request", "--user", "U1", "--card", "C1", "--note", "please"])
        #expect(request.status == 78, "\(request.stderr)")
        let deny = try await h.run(["approvals", "deny", "apr-1"])
        #expect(deny.status == 64 && deny.stderr.contains("--note"), "a denial without a note is a usage error: \(deny.stderr)")
    }
}
