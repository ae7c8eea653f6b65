import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// The real console in tmux against a real sandbox (`musecard sandbox serve` with latency on
/// change requests): quitting, SIGTERM and SIGKILL while a change is in flight.
@Suite(.serialized)
struct InFlightQuitEndToEndTests {
    static let binary = Fixtures.productsFolder.appendingPathComponent("musecard").path
    static let themes = Fixtures.root.appendingPathComponent("themes").path
    static let user = "60004408"
    /// Käthe Müller's ACTIVE virtual card.
    static let card = "VC1000000001"
    static let firstNewCard = "VC2000000001"
    static let secondNewCard = "VC2000000002"

    /// One isolated HOME (shared by consecutive consoles and CLI runs) over one sandbox child.
    final class Rig: @unchecked Sendable {
        let sandbox: SandboxProcess
        let home: URL
        let environment: [String: String]
        var sessions: [TmuxSession] = []

        init(latency: [String: Int]) throws {
            sandbox = try SandboxProcess()
            let paths = latency.map { "\"\($0.key)\":{\"latency_ms\":\($0.value)}" }.joined(separator: ",")
            try sandbox.setFaults("{\"paths\":{\(paths)}}")
            home = Fixtures.scratchPath("musecard-inflight")
            var env = sandbox.exports
            env["HOME"] = home.path
            env["XDG_CONFIG_HOME"] = home.appendingPathComponent(".config").path
            env["XDG_CACHE_HOME"] = home.appendingPathComponent(".cache").path
            env["XDG_STATE_HOME"] = home.appendingPathComponent(".local/state").path
            env["MUSECARD_OPERATOR"] = "alice"
            env["MUSECARD_THEMES_DIR"] = InFlightQuitEndToEndTests.themes
            environment = env
            for folder in [".config", ".cache", ".local/state"] {
                try FileManager.default.createDirectory(at: home.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            // No list-cards endpoint: the cache is told the card first, as a person would.
            let added = try cli(["cards", "add", "--user", InFlightQuitEndToEndTests.user, "--card", InFlightQuitEndToEndTests.card])
            guard added.status == 0 else { throw ProcessFailure(description: "cards add failed: \(added.stderr)") }
        }

        func cli(_ arguments: [String]) throws -> ProcessResult {
            try ProcessRunner.runBlocking(InFlightQuitEndToEndTests.binary, arguments, environment: environment, clearEnvironment: true)
        }

        /// A console on this HOME for the cardholder.
        func console() throws -> TmuxSession {
            let session = try TmuxSession([InFlightQuitEndToEndTests.binary, "tui", "--user", InFlightQuitEndToEndTests.user,
                                           "--ticket", "SUP-7"], environment: environment)
            sessions.append(session)
            return session
        }

        var auditFile: URL { home.appendingPathComponent(".local/state/musecard/audit.jsonl") }

        func auditLines() -> [JSONValue] {
            guard let text = try? String(contentsOf: auditFile, encoding: .utf8) else { return [] }
            return text.split(separator: "\n").compactMap { try? JSONParser.parse(String($0)) }
        }

        func lines(_ type: String, _ action: String) -> [JSONValue] {
            auditLines().filter { $0["type"]?.scalarText == type && $0["action"]?.scalarText == action }
        }

        func stop() {
            for session in sessions { session.kill() }
            sandbox.stop()
            try? FileManager.default.removeItem(at: home)
        }
    }

    /// What one scenario saw, for the assertions.
    struct Seen: Sendable {
        var question = ""
        var resultWhileAsking = false
        var waiting = ""
        var final = ""
        var intents: [JSONValue] = []
        var results: [JSONValue] = []
        var answered = 0
        var exitedAtAnswer = false
        var seconds: Double = 0
    }

    /// Waits for the card's first refresh, then locks it (confirmed): the lock is in flight afterwards.
    static func lockCard(_ session: TmuxSession) throws {
        try session.waitUntil("the card refreshed as ACTIVE") { $0.contains("ACTIVE") && $0.contains(card) }
        try session.send("l")
        try session.waitFor("CUSTOMER_REQUEST")
        try session.send("enter")
        try session.waitUntil("lock confirmation, Cancel focused") { $0.contains("Lock card?") && $0.contains("[ Cancel ]") }
        try session.send("tab")
        try session.waitFor("[ Lock ]")
        try session.send("enter")
    }

    // MARK: (a) q while a lock is in flight: "Calls in flight", Wait, quits once recorded

    @Test func quitWhileALockIsInFlightWaitsForTheAnswerThenQuitsByItself() async throws {
        let seen = try await SandboxProcess.offPool { try Self.quitScenario() }
        #expect(seen.question.contains("Calls in flight"), "\(seen.question)")
        #expect(seen.question.contains("[ Wait ]"), "Wait is the default: \(seen.question)")
        #expect(!seen.question.contains("[ Quit anyway ]"))
        #expect(seen.question.contains("Quit anyway"))
        #expect(!seen.resultWhileAsking, "the question came while the call was still in flight")
        #expect(seen.waiting.contains("Waiting for 1 call(s) to finish, then quitting"), "the console stays: \(seen.waiting)")
        #expect(seen.final.contains("[exited 0]"), "\(seen.final)")
        #expect(seen.final.contains("lock \(Self.card) (lock_reason=CUSTOMER_REQUEST): applied, now LOCK"), "\(seen.final)")
        #expect(seen.final.contains("Cards now: \(Self.card) LOCK"), "\(seen.final)")
        #expect(seen.answered == 1)
        let intent = try #require(seen.intents.first)
        let result = try #require(seen.results.first)
        #expect(seen.intents.count == 1 && seen.results.count == 1)
        #expect(intent["operation_id"] == result["operation_id"])
        #expect(result["outcome"] == "applied")
        #expect(result["values"]?["status"]?.scalarText == "LOCK")
    }

    static func quitScenario() throws -> Seen {
        let started = Date()
        let rig = try Rig(latency: ["/v1/card/lock": 5000])
        defer { rig.stop() }
        var seen = Seen()
        let session = try rig.console()
        try lockCard(session)
        try session.send("q")
        seen.question = try session.waitUntil("the in-flight question") { $0.contains("Calls in flight") && $0.contains("[ Wait ]") }
        seen.resultWhileAsking = !rig.lines("result", "lock").isEmpty
        try session.send("enter")
        seen.waiting = try session.waitUntil("waiting or gone") { $0.contains("Waiting for") || $0.contains("[exited ") }
        // The console stays until the answer is in and recorded, then leaves by itself.
        seen.final = try session.waitFor("[exited ", timeout: 90)
        seen.intents = rig.lines("intent", "lock")
        seen.results = rig.lines("result", "lock")
        seen.answered = try rig.sandbox.answered("/v1/card/lock")
        seen.seconds = Date().timeIntervalSince(started)
        return seen
    }

    // MARK: (b) SIGTERM while a lock is in flight: waits for the answer, records it, exits

    @Test func sigtermWhileALockIsInFlightRecordsTheAnswerBeforeExiting() async throws {
        let seen = try await SandboxProcess.offPool { try Self.sigtermScenario() }
        #expect(!seen.resultWhileAsking, "SIGTERM arrived while the call was in flight")
        #expect(seen.final.contains("[exited 143]"), "\(seen.final)")
        #expect(!seen.final.contains("DAILY LIMIT"), "the terminal was restored")
        #expect(seen.answered == 1)
        let intent = try #require(seen.intents.first)
        let result = try #require(seen.results.first, "the answer was recorded before the process exited")
        #expect(intent["operation_id"] == result["operation_id"])
        #expect(result["outcome"] == "applied")
        #expect(result["values"]?["status"]?.scalarText == "LOCK")
    }

    static func sigtermScenario() throws -> Seen {
        let rig = try Rig(latency: ["/v1/card/lock": 5000])
        defer { rig.stop() }
        var seen = Seen()
        let session = try rig.console()
        try lockCard(session)
        // The intent is on disk: the call is in flight.
        _ = SandboxProcess.poll(30) { !rig.lines("intent", "lock").isEmpty }
        seen.resultWhileAsking = !rig.lines("result", "lock").isEmpty
        try session.signalProgram(SIGTERM)
        seen.final = try session.waitFor("[exited ", timeout: 90)
        seen.intents = rig.lines("intent", "lock")
        seen.results = rig.lines("result", "lock")
        seen.answered = try rig.sandbox.answered("/v1/card/lock")
        return seen
    }

    // MARK: (c) SIGKILL during a replace: unknown in the audit; the next console offers to resume

    struct KillSeen: Sendable {
        var connected = false
        var resultBeforeKill = false
        var killedExit = ""
        var answeredBeforeResume = 0
        var audit: ProcessResult?
        var offer = ""
        var intent: JSONValue?
        var results: [JSONValue] = []
        var answeredAfterResume = 0
        var screenAfterResume = ""
        var final = ""
        var newCard: ProcessResult?
        var noSecondCard: ProcessResult?
    }

    @Test func aConsoleKilledDuringAReplaceOffersToResumeItAndIssuesOneCard() async throws {
        let seen = try await SandboxProcess.offPool { try Self.killScenario() }
        #expect(seen.connected, "the console is connected to the sandbox")
        #expect(!seen.resultBeforeKill, "killed while the replace was in flight")
        #expect(seen.killedExit.contains("[exited 137]"), "\(seen.killedExit)")
        let intent = try #require(seen.intent)
        let requestId = try #require(intent["request_id"]?.scalarText)
        #expect(seen.answeredBeforeResume == 1, "the killed request reached the sandbox")
        let audit = try #require(seen.audit)
        let row = audit.stdout.split(separator: "\n").first { $0.contains("replace") } ?? ""
        #expect(row.contains("unknown — check the card"), "\(audit.stdout)")

        #expect(seen.offer.contains("Interrupted replace"), "\(seen.offer)")
        #expect(seen.offer.contains("[ Cancel ]"), "Cancel is the default: \(seen.offer)")
        #expect(!seen.offer.contains("[ Resume ]"))
        #expect(seen.offer.contains(requestId), "the offer names the request_id")

        let result = try #require(seen.results.first, "the resumed replace was recorded")
        #expect(seen.results.count == 1)
        #expect(result["request_id"]?.scalarText == requestId, "resumed with the same request_id")
        #expect(result["outcome"] == "applied")
        #expect(result["values"]?["new_card_id"]?.scalarText == Self.firstNewCard)
        #expect(seen.answeredAfterResume == 2, "the killed request and one resend, nothing else")
        #expect(seen.screenAfterResume.contains(Self.firstNewCard), "\(seen.screenAfterResume)")
        #expect(seen.final.contains("[exited 0]"), "\(seen.final)")
        #expect(seen.newCard?.status == 0, "\(seen.newCard?.stderr ?? "")")
        let second = try #require(seen.noSecondCard)
        #expect(second.status != 0, "no second card was issued: \(second.stdout)")
    }

    static func killScenario() throws -> KillSeen {
        let rig = try Rig(latency: ["/v1/card/replace": 8000])
        defer { rig.stop() }
        var seen = KillSeen()
        let first = try rig.console()
        try first.waitUntil("the card refreshed as ACTIVE") { $0.contains("ACTIVE") && $0.contains(card) }
        // Replace is the eighth entry of the action menu.
        try first.send("a")
        try first.waitFor("Actions")
        for _ in 0..<7 { try first.send("j") }
        try first.send("enter")
        try first.waitFor("Replace card — \(card)")
        try first.send("enter")
        try first.waitUntil("replace confirmation, Cancel focused") { $0.contains("Replace card?") && $0.contains("[ Cancel ]") }
        try first.send("tab")
        try first.waitFor("[ Replace ]")
        try first.send("enter")
        // What a person would wait for: the intent is on disk, the request is on the wire.
        _ = SandboxProcess.poll(60) { !rig.lines("intent", "replace").isEmpty }
        seen.connected = SandboxProcess.poll(30) { rig.sandbox.hasClientConnection() }
        Thread.sleep(forTimeInterval: 2) // the bytes follow the intent at once; a margin, not an assertion
        seen.resultBeforeKill = !rig.lines("result", "replace").isEmpty
        try first.signalProgram(SIGKILL)
        seen.killedExit = try first.waitFor("[exited ", timeout: 30)
        first.kill()
        seen.intent = rig.lines("intent", "replace").first

        _ = try SandboxProcess.poll(60) { try rig.sandbox.answered("/v1/card/replace") >= 1 }
        seen.answeredBeforeResume = try rig.sandbox.answered("/v1/card/replace")
        seen.audit = try rig.cli(["audit", "--card", card])

        try rig.sandbox.setFaults("{}")
        let second = try rig.console()
        seen.offer = try second.waitUntil("the resume offer") { $0.contains("Interrupted replace") && $0.contains("Resume") }
        try second.send("y")
        _ = SandboxProcess.poll(60) { !rig.lines("result", "replace").isEmpty }
        seen.results = rig.lines("result", "replace")
        if let listed = try? second.waitUntil("the new card listed", timeout: 30, { $0.contains(firstNewCard) }) {
            seen.screenAfterResume = listed
        } else {
            seen.screenAfterResume = try second.capture()
        }
        seen.answeredAfterResume = try rig.sandbox.answered("/v1/card/replace")
        try second.send("q")
        seen.final = try second.waitFor("[exited ", timeout: 60)
        seen.newCard = try rig.cli(["card", "get", "--user", user, "--card", firstNewCard])
        seen.noSecondCard = try rig.cli(["card", "get", "--user", user, "--card", secondNewCard])
        return seen
    }
}
