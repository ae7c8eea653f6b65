import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// `card apply` and `card replace` resume an unsettled request with the same request_id.
struct JournalResumeCommandTests {
    static let applyArgs = ["card", "apply", "--user", "U1", "--product", "P1", "--level", "1", "--area-code", "86", "--phone", "13800001234"]
    /// No `request_id`: a scripted server cannot echo the one the client makes up, and a receipt
    /// naming another request is refused as undecodable.
    static let receipt = #"{"apply_status":"PROCESSING","apply_id":"A1"}"#

    @Test func aTransportFailureLeavesTheApplyPendingAndTheNextRunReusesItsRequestId() async throws {
        let h = try CLIStoreHarness()
        let lost = try await h.run(Self.applyArgs, base: URL(string: "http://127.0.0.1:9"))
        #expect(lost.status == 69)

        let server = try await ScriptedServer.start(["/v1/card/apply": [.ok(Self.receipt)]])
        let resumed = try await h.run(Self.applyArgs, base: server.baseURL)
        let again = try await h.run(Self.applyArgs, base: server.baseURL)
        let bodies = await server.received("/v1/card/apply")
        await server.stop()
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming"))
        let audit = try h.resultLines()
        let firstId = try #require(audit.first?["request_id"]?.scalarText)
        #expect(audit.first?["outcome"] == "not-sent")
        #expect(bodies.first?["request_id"]?.scalarText == firstId, "the resend carries the first request_id")
        #expect(bodies.count == 2)
        #expect(bodies.last?["request_id"]?.scalarText == firstId, "an application in progress is the same request until it ends")
        #expect(again.stderr.contains("resuming"))
    }

    @Test func anEndedApplicationSettlesTheEntrySoTheNextApplyIsNew() async throws {
        let h = try CLIStoreHarness()
        let server = try await ScriptedServer.start([
            "/v1/card/apply": [.ok(Self.receipt)],
            "/v1/card/apply-result": [.ok(#"{"user_id":"U1","apply_id":"A1","card_id":"C77","apply_status":"CARD_INIT"}"#)],
        ])
        #expect(try await h.run(Self.applyArgs, base: server.baseURL).status == 0)
        let firstId = try #require(try h.resultLines().first?["request_id"]?.scalarText)
        #expect(try await h.run(["card", "apply-result", "--user", "U1", "--request-id", firstId], base: server.baseURL).status == 0)
        let next = try await h.run(Self.applyArgs, base: server.baseURL)
        let bodies = await server.received("/v1/card/apply")
        await server.stop()
        #expect(!next.stderr.contains("resuming"))
        #expect(bodies.count == 2 && bodies[1]["request_id"]?.scalarText != firstId)
    }

    @Test func aKilledApplyIsResumedWithTheSameRequestId() async throws {
        let h = try CLIStoreHarness()
        let slow = try await ScriptedServer.start(["/v1/card/apply": [ScriptedReply(body: #"{"code":200,"data":{}}"#, delay: .seconds(8))]])
        var env = h.environment
        env["MUSECARD_BASE_URL"] = slow.baseURL.absoluteString
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIStoreHarness.binary)
        process.arguments = Self.applyArgs
        process.environment = env.merging(["PATH": "/usr/bin:/bin"]) { a, _ in a }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the request is on the wire, then kill the process mid-call.
        var sent: [JSONValue] = []
        for _ in 0..<300 where sent.isEmpty {
            try await Task.sleep(for: .milliseconds(50))
            sent = await slow.received("/v1/card/apply")
        }
        kill(process.processIdentifier, SIGKILL)
        _ = await ProcessRunner.exit(of: process)
        await slow.stop()
        let killedId = try #require(sent.first?["request_id"]?.scalarText)

        let fast = try await ScriptedServer.start(["/v1/card/apply": [.ok(Self.receipt)]])
        let resumed = try await h.run(Self.applyArgs, base: fast.baseURL)
        let resent = await fast.received("/v1/card/apply")
        await fast.stop()
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains(killedId))
        #expect(resent.first?["request_id"]?.scalarText == killedId)
    }

    @Test func aReplaceIsResumedAndTheNewCardIsCached() async throws {
        let h = try CLIStoreHarness()
        let args = ["card", "replace", "--user", "U1", "--card", "C1", "--reason", "LOST"]
        #expect(try await h.run(args, base: URL(string: "http://127.0.0.1:9")).status == 69)
        let server = try await ScriptedServer.start(["/v1/card/replace": [.ok(#"{"user_id":"U1","card_id":"C2","card_status":"PENDING"}"#)]])
        let resumed = try await h.run(args, base: server.baseURL)
        let bodies = await server.received("/v1/card/replace")
        await server.stop()
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming"))
        let firstId = try #require(try h.auditLines().first?["request_id"]?.scalarText)
        #expect(bodies.first?["request_id"]?.scalarText == firstId)
        let list = try await h.run(["cards", "list", "--user", "U1"]).stdout
        #expect(list.contains("C1") && list.contains("C2"))
    }

    @Test func aRefusalSettlesTheEntrySoTheNextRunIsNew() async throws {
        let h = try CLIStoreHarness()
        let server = try await ScriptedServer.start(["/v1/card/apply": [ScriptedReply(body: #"{"code":5010,"message":"PRODUCT_INVALID"}"#)]])
        #expect(try await h.run(Self.applyArgs, base: server.baseURL).status == 1)
        let second = try await h.run(Self.applyArgs, base: server.baseURL)
        let bodies = await server.received("/v1/card/apply")
        await server.stop()
        #expect(!second.stderr.contains("resuming"))
        #expect(bodies.count == 2 && bodies[0]["request_id"] != bodies[1]["request_id"])
    }
}
