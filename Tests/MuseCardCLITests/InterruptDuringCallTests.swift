import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// Ctrl-C during a call does not abandon it: the command waits for the answer to be recorded.
struct InterruptDuringCallTests {
    @Test func sigintWaitsForTheAnswerToBeRecorded() async throws {
        let h = try CLIStoreHarness()
        let slow = try await ScriptedServer.start(["/v1/card/lock": [
            ScriptedReply(body: #"{"code":200,"data":{"user_id":"U1","card_id":"C1","card_status":"LOCK"}}"#, delay: .seconds(2)),
        ]])
        var env = h.environment
        env["MUSECARD_BASE_URL"] = slow.baseURL.absoluteString
        env["PATH"] = "/usr/bin:/bin"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIStoreHarness.binary)
        process.arguments = ["card", "lock", "--user", "U1", "--card", "C1"]
        process.environment = env
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        // Interrupt once the request is on the wire.
        var sent: [JSONValue] = []
        for _ in 0..<400 where sent.isEmpty {
            try await Task.sleep(for: .milliseconds(25))
            sent = await slow.received("/v1/card/lock")
        }
        #expect(!sent.isEmpty, "the lock reached the server")
        kill(process.processIdentifier, SIGINT)
        let status = await ProcessRunner.exit(of: process)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        await slow.stop()
        #expect(status == 0, "the answer came and was recorded: \(stderr)")
        #expect(stderr.contains("waiting up to 10 s for the answer to be recorded"))
        let result = try #require(try h.resultLines().last)
        #expect(result["action"] == "lock" && result["outcome"] == "applied")
    }

}
