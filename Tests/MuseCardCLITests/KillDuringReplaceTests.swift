import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// `musecard card replace` killed mid-call against the real sandbox (a `sandbox serve` child with
/// latency on replace): the audit shows the outcome unknown, the next run resumes with the same
/// request_id, and the sandbox issues exactly one new card.
@Suite(.serialized)
struct KillDuringReplaceTests {
    static let user = "60004408"
    /// Käthe Müller's ACTIVE virtual card.
    static let card = "VC1000000001"
    /// The sandbox numbers new cards from VC2000000001 up.
    static let firstNewCard = "VC2000000001"
    static let secondNewCard = "VC2000000002"
    static let replaceArgs = ["card", "replace", "--user", user, "--card", card, "--reason", "LOST"]

    /// What one run of the scenario saw, for the assertions.
    struct Seen: Sendable {
        var get: ProcessResult?
        var connected = false
        var killedBySignal = false
        var intent: JSONValue?
        var resultsBeforeResume: [JSONValue] = []
        var answeredBeforeResume = 0
        var auditAfterKill: ProcessResult?
        var resumed: ProcessResult?
        var answeredAfterResume = 0
        var resumedResult: JSONValue?
        var newCard: ProcessResult?
        var noSecondCard: ProcessResult?
        var list: ProcessResult?
        var auditAtEnd: ProcessResult?
        var seconds: Double = 0
    }

    @Test func aReplaceKilledInFlightIsUnknownThenResumedWithTheSameRequestIdAndIssuesOneCard() async throws {
        let seen = try await SandboxProcess.offPool { try Self.scenario() }
        #expect(seen.get?.status == 0, "\(seen.get?.stderr ?? "")")
        #expect(seen.connected, "the CLI connected to the sandbox")
        #expect(seen.killedBySignal, "the CLI was killed before it could record the answer")
        let intent = try #require(seen.intent, "the intent line was written before the request was sent")
        let requestId = try #require(intent["request_id"]?.scalarText)
        let operationId = try #require(intent["operation_id"]?.scalarText)
        #expect(requestId.hasPrefix("rep"))
        #expect(!seen.resultsBeforeResume.contains { $0["operation_id"]?.scalarText == operationId },
                "killed before the answer: no result line for the operation")
        #expect(seen.answeredBeforeResume == 1, "the first request reached the sandbox (it acted on it)")

        let audit = try #require(seen.auditAfterKill)
        #expect(audit.status == 0, "\(audit.stderr)")
        let row = audit.stdout.split(separator: "\n").first { $0.contains("replace") } ?? ""
        #expect(row.contains("unknown — check the card"), "\(audit.stdout)")
        #expect(row.contains(requestId), "\(audit.stdout)")

        let resumed = try #require(seen.resumed)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming the pending replace"), "\(resumed.stderr)")
        #expect(resumed.stderr.contains("request_id \(requestId)"), "\(resumed.stderr)")
        #expect(resumed.stdout.contains("replaced by \(Self.firstNewCard)"), "the same replacement came back: \(resumed.stdout)")
        #expect(resumed.stdout.contains("request_id \(requestId)"))
        #expect(seen.answeredAfterResume == 2, "one request killed in flight and one resend, nothing else")
        let result = try #require(seen.resumedResult)
        #expect(result["request_id"]?.scalarText == requestId)
        #expect(result["outcome"] == "applied")
        #expect(result["values"]?["new_card_id"]?.scalarText == Self.firstNewCard)

        #expect(seen.newCard?.status == 0, "\(seen.newCard?.stderr ?? "")")
        let second = try #require(seen.noSecondCard)
        #expect(second.status != 0, "no second card was issued: \(second.stdout)")
        #expect(second.stderr.contains("7000") || second.stderr.lowercased().contains("not found"), "\(second.stderr)")

        let list = try #require(seen.list)
        #expect(list.status == 0, "\(list.stderr)")
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.first { $0.contains(Self.card) }?.contains("CANCELED") == true, "\(list.stdout)")
        #expect(lines.contains { $0.contains(Self.firstNewCard) }, "\(list.stdout)")
        #expect(!lines.contains { $0.contains(Self.secondNewCard) })

        let end = try #require(seen.auditAtEnd)
        let rows = end.stdout.split(separator: "\n").filter { $0.contains(requestId) }
        #expect(rows.contains { $0.contains("applied") }, "the resend is recorded as applied: \(end.stdout)")
    }

    /// A replace of a card the cache never fetched: the answer says the old card is canceled,
    /// so `cards list` must say so too (not "-").
    @Test func aReplacedCardIsListedCanceledEvenWhenItWasNeverFetched() async throws {
        let (replace, list) = try await SandboxProcess.offPool { () -> (ProcessResult, ProcessResult) in
            let sandbox = try SandboxProcess()
            defer { sandbox.stop() }
            let h = try CLIStoreHarness()
            defer { try? FileManager.default.removeItem(at: h.home) }
            let env = Self.environment(h, sandbox)
            let replace = try ProcessRunner.runBlocking(CLIStoreHarness.binary, Self.replaceArgs, environment: env, clearEnvironment: true)
            let list = try ProcessRunner.runBlocking(CLIStoreHarness.binary, ["cards", "list", "--user", Self.user],
                                                     environment: env, clearEnvironment: true)
            return (replace, list)
        }
        #expect(replace.status == 0, "\(replace.stderr)")
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.first { $0.contains(Self.card) }?.contains("CANCELED") == true, "\(list.stdout)")
        #expect(lines.contains { $0.contains(Self.firstNewCard) }, "\(list.stdout)")
    }

    static func environment(_ h: CLIStoreHarness, _ sandbox: SandboxProcess) -> [String: String] {
        var env = h.environment
        for (key, value) in sandbox.exports { env[key] = value }
        return env
    }

    static func scenario() throws -> Seen {
        let started = Date()
        var seen = Seen()
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let h = try CLIStoreHarness()
        defer { try? FileManager.default.removeItem(at: h.home) }
        let env = environment(h, sandbox)
        func run(_ arguments: [String]) throws -> ProcessResult {
            try ProcessRunner.runBlocking(CLIStoreHarness.binary, arguments, environment: env, clearEnvironment: true)
        }
        // The operator looks at the card first (the cache learns it), then replaces it on a slow line.
        seen.get = try run(["card", "get", "--user", user, "--card", card])
        try sandbox.setFaults(#"{"paths":{"/v1/card/replace":{"latency_ms":8000}}}"#)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIStoreHarness.binary)
        process.arguments = replaceArgs
        process.environment = env.merging(["PATH": "/usr/bin:/bin"]) { a, _ in a }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }

        // What a person would wait for: the intent is on disk, the request is on the wire.
        _ = SandboxProcess.poll(60) {
            seen.intent = (try? h.auditLines())?.first { $0["type"] == "intent" && $0["action"] == "replace" }
            return seen.intent != nil
        }
        guard seen.intent != nil else { return seen }
        seen.connected = SandboxProcess.poll(30) { sandbox.hasClientConnection() }
        Thread.sleep(forTimeInterval: 2) // the request bytes follow the connection at once; a margin, not an assertion
        let stillRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        seen.killedBySignal = stillRunning && process.terminationReason == .uncaughtSignal
        seen.resultsBeforeResume = try h.resultLines()

        // The sandbox answers the killed request once its latency has passed (to nobody).
        _ = try SandboxProcess.poll(60) { try sandbox.answered("/v1/card/replace") >= 1 }
        seen.answeredBeforeResume = try sandbox.answered("/v1/card/replace")
        seen.auditAfterKill = try run(["audit", "--card", card])

        try sandbox.setFaults("{}")
        seen.resumed = try run(replaceArgs)
        seen.answeredAfterResume = try sandbox.answered("/v1/card/replace")
        seen.resumedResult = try h.resultLines().last { $0["action"] == "replace" }
        seen.newCard = try run(["card", "get", "--user", user, "--card", firstNewCard])
        seen.noSecondCard = try run(["card", "get", "--user", user, "--card", secondNewCard])
        seen.list = try run(["cards", "list", "--user", user])
        seen.auditAtEnd = try run(["audit", "--card", card])
        seen.seconds = Date().timeIntervalSince(started)
        return seen
    }
}
