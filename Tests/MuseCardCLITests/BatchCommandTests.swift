import Foundation
import MuseCardKit
import MuseCardSandbox
import MuseCardTestSupport
import Testing

/// `musecard batch`: the input is checked before anything is sent, scripts must say --yes, and a
/// run ends with its summary, report and exit status.
struct BatchCommandTests {
    @Test func badLinesAreListedWithTheirNumbersAndNothingIsSent() async throws {
        let h = try await BatchHarness.start(cards: 5)
        let text = "user_id,card_id,reason\nBU00000001,BC00000001,\n,BC00000002,\nBU00000003,\"unclosed\nBU00000004,BC00000004,MAYBE\nBU00000005,BC00000005,LOST\n"
        try text.write(to: h.file, atomically: true, encoding: .utf8)
        let result = try await h.run(h.lockArguments)
        await h.stop()
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("3 bad lines"))
        #expect(result.stderr.contains("line 3: user_id"))
        #expect(result.stderr.contains("line 4:") && result.stderr.contains("unclosed quote"))
        #expect(result.stderr.contains("line 5: reason"))
        #expect(!result.stderr.contains("line 2:") && !result.stderr.contains("line 6:"))
        #expect(h.requests("/v1/card/lock") == 0)
        #expect(try h.store.auditLines().isEmpty)
    }

    @Test(arguments: ["lock", "unlock"])
    func aCardIdOnTwoLinesRefusesTheFileNamingTheLinesAndNothingIsSent(_ operation: String) async throws {
        let h = try await BatchHarness.start(cards: 4)
        let text = "user_id,card_id,reason\nBU00000001,BC00000001,\nBU00000002,BC00000002,\nBU00000001,BC00000001,LOST\nBU00000003,BC00000003,\nBU00000002,BC00000002,\n"
        try text.write(to: h.file, atomically: true, encoding: .utf8)
        let arguments = ["batch", operation, "--file", h.file.path, "--reason", "COMPROMISED", "--ticket", "INC-7", "--yes"]
        let result = try await h.run(arguments)
        let dryRun = try await h.run(arguments + ["--dry-run"])
        let status = try await h.run(["batch", "status"])
        await h.stop()
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("2 card ids are on more than one line"), "\(result.stderr)")
        #expect(result.stderr.contains("card_id BC00000001: lines 2, 4"))
        #expect(result.stderr.contains("card_id BC00000002: lines 3, 6"))
        #expect(!result.stderr.contains("BC00000003"))
        #expect(dryRun.status == 64 && dryRun.stderr.contains("lines 2, 4"), "a dry run checks the same")
        #expect(h.requests("/v1/card/\(operation)") == 0 && h.requests("/v1/card/query") == 0)
        #expect(try h.store.auditLines().isEmpty)
        #expect(!status.stdout.contains("run-"), "no run was recorded: \(status.stdout)")
    }

    @Test func aDryRunSendsNothing() async throws {
        let h = try await BatchHarness.start(cards: 20)
        let result = try await h.run(h.lockArguments + ["--dry-run"])
        await h.stop()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("would lock 20 cards") && result.stdout.contains("Nothing was sent"))
        #expect(h.lockCounts().isEmpty && h.requests("/v1/card/query") == 0)
        #expect(try h.store.auditLines().isEmpty)
    }

    @Test func notOnATerminalWithoutYesItRefusesAndSaysWhy() async throws {
        let h = try await BatchHarness.start(cards: 3)
        let result = try await h.run(h.lockArguments.filter { $0 != "--yes" })
        let noTicket = try await h.run(["batch", "lock", "--file", h.file.path, "--reason", "LOST", "--yes"])
        let noReason = try await h.run(["batch", "lock", "--file", h.file.path, "--ticket", "T", "--yes"])
        await h.stop()
        #expect(result.status == 64 && result.stderr.contains("--yes"), "\(result.stderr)")
        #expect(noTicket.status == 64 && noTicket.stderr.contains("--ticket"))
        #expect(noReason.status == 64 && noReason.stderr.contains("--reason"))
        #expect(h.requests("/v1/card/lock") == 0)
    }

    @Test func aRunLocksEveryCardWithAuditLinesUnderTheRunIdAndAReport() async throws {
        let h = try await BatchHarness.start(cards: 50)
        let report = h.store.home.appendingPathComponent("report.csv")
        let result = try await h.run(h.lockArguments + ["--report", report.path])
        let again = try await h.run(h.lockArguments)
        let status = try await h.run(["batch", "status"])
        await h.stop()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("applied       50"))
        let rows = try h.reportRows(report)
        #expect(rows.count == 50 && rows.allSatisfy { $0[3] == "applied" && $0[5] == "LOCK" })
        let audit = try h.store.auditLines()
        let runIds = Set(audit.compactMap { $0["run_id"]?.scalarText })
        #expect(runIds.count == 1 && audit.count == 100, "one intent and one result per card, under one run id")
        #expect(audit.allSatisfy { $0["ticket"] == "INC-7" && $0["parameters"]?["lock_reason"] == "COMPROMISED" })
        #expect(again.status == 0 && again.stderr.contains("50 of 50 lines already answered"))
        #expect(h.lockCounts().values.allSatisfy { $0.requests == 1 }, "the same command again sends nothing")
        #expect(status.stdout.contains(try #require(runIds.first)) && status.stdout.contains("done"))
    }

    @Test func refusedLinesEndWithExitOne() async throws {
        let h = try await BatchHarness.start(cards: 3)
        try "user_id,card_id\nBU00000001,BC00000001\nBU00000002,NO-SUCH-CARD\n".write(to: h.file, atomically: true, encoding: .utf8)
        let report = h.store.home.appendingPathComponent("report.jsonl")
        let result = try await h.run(h.lockArguments + ["--report", report.path])
        await h.stop()
        #expect(result.status == 1, "\(result.stderr)")
        let lines = try String(contentsOf: report, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(lines.map { $0["outcome"]?.scalarText } == ["applied", "refused"])
    }
}
