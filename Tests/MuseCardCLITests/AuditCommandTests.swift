import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// The audit trail as the CLI writes it and `musecard audit` reads it.
struct AuditCommandTests {
    @Test func mutatingCommandsAndRefusalsAreAuditedAndReadBack() async throws {
        let h = try CLIStoreHarness()
        let server = try await ScriptedServer.start([
            "/v1/card/lock": [.ok(#"{"user_id":"U1","card_id":"C1","card_status":"LOCK"}"#)],
            "/v1/card/unlock": [ScriptedReply(body: #"{"code":5004,"message":"USER_STATUS_INVALID"}"#)],
            "/v1/card/query": [.ok(#"{"user_id":"U2","card_id":"C9","card_status":"ACTIVE"}"#)],
            "/v1/card/change-pin": [.ok()],
        ])
        _ = try await h.run(["card", "lock", "--user", "U1", "--card", "C1", "--ticket", "SUP-42"], base: server.baseURL)
        _ = try await h.run(["card", "unlock", "--user", "U1", "--card", "C1"], base: server.baseURL)
        _ = try await h.run(["card", "get", "--user", "U2", "--card", "C9"], base: server.baseURL)
        _ = try await h.run(["card", "change-pin", "--user", "U2", "--card", "C9"], base: server.baseURL, stdin: "4711\n")
        await server.stop()

        let all = try h.auditLines()
        #expect(all.map { $0["type"]?.scalarText } == ["intent", "result", "intent", "result", "intent", "result"],
                "each change is announced before it is sent, then its result recorded")
        #expect(all.map { $0["operation_id"] } == [all[0], all[0], all[2], all[2], all[4], all[4]].map { $0["operation_id"] })
        let lines = try h.resultLines()
        #expect(lines.map { $0["action"]?.scalarText } == ["lock", "unlock", "change-pin"], "reads are not audited")
        #expect(lines[0]["outcome"] == "applied" && lines[0]["operator"] == "alice" && lines[0]["ticket"] == "SUP-42")
        #expect(lines[0]["values"]?["status"] == "LOCK")
        #expect(lines[0]["profile"] == "default" && lines[0]["card_id"] == "C1")
        #expect(lines[1]["outcome"] == "refused" && lines[1]["code"] == "5004" && lines[1]["message"] == "USER_STATUS_INVALID")
        #expect(lines[0]["session"] != lines[1]["session"], "a fresh session id per process")
        let raw = try String(contentsOf: h.auditFile, encoding: .utf8)
        #expect(!raw.contains("4711"))
        let mode = (try FileManager.default.attributesOfItem(atPath: h.auditFile.path)[.posixPermissions] as? Int ?? 0) & 0o777
        #expect(mode == 0o600)

        let table = try await h.run(["audit", "--user", "U1"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("lock") && table.stdout.contains("refused 5004") && !table.stdout.contains("change-pin"))
        let card = try await h.run(["audit", "--card", "C9", "--json"])
        #expect(card.stdout.split(separator: "\n").count == 2 && card.stdout.contains("change-pin"), "intent and result, as stored")
        let future = try await h.run(["audit", "--since", "2999-01-01"])
        #expect(future.stdout.contains("No audit entries"))
        let bad = try await h.run(["audit", "--since", "yesterday"])
        #expect(bad.status == 64 && bad.stderr.contains("--since"))
    }

    @Test func validationFailuresOfMutatingCommandsAreAuditedToo() async throws {
        let h = try CLIStoreHarness()
        let result = try await h.run(["card", "update-phone", "--user", "U1", "--card", "C1", "--area-code", "86", "--phone", "12ab"],
                               base: URL(string: "http://127.0.0.1:9"))
        #expect(result.status == 64)
        #expect(result.stderr.contains("update-phone C1: not sent"))
        let lines = try h.auditLines()
        #expect(lines.count == 1, "nothing was sent, so no intent: only the not-sent result")
        let line = try #require(lines.first)
        #expect(line["outcome"] == "not-sent" && line["action"] == "update-phone" && line["type"] == "result")
        #expect(line["error"]?.scalarText?.contains("phone_number") == true)
    }

    @Test func aBadLineIsReportedWithItsNumberAndSkipped() async throws {
        let h = try CLIStoreHarness()
        let server = try await ScriptedServer.start(["/v1/card/lock": [.ok(#"{"user_id":"U1","card_id":"C1","card_status":"LOCK"}"#)]])
        _ = try await h.run(["card", "lock", "--user", "U1", "--card", "C1"], base: server.baseURL)
        let handle = try FileHandle(forWritingTo: h.auditFile)
        handle.seekToEndOfFile()
        handle.write(Data("garbage that is not json\n".utf8))
        try handle.close()
        _ = try await h.run(["card", "lock", "--user", "U1", "--card", "C1"], base: server.baseURL)
        await server.stop()
        let result = try await h.run(["audit"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("audit.jsonl:3:"))
        #expect(result.stdout.split(separator: "\n").count == 3, "header and the two operations")
    }
}
