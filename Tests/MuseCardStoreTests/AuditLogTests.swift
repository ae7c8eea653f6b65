import Foundation
import MuseCardStore
import Testing

/// The audit trail file itself: one flushed line per entry, old lines, bad lines (reading back and
/// filtering are the `AuditSinkContractTests`).
struct AuditLogTests {
    static func entry(_ user: String, _ card: String?, _ action: String, at seconds: TimeInterval,
                      outcome: AuditOutcome = .applied) -> AuditEntry {
        AuditEntry(time: Date(timeIntervalSince1970: seconds), operatorName: "alice", sessionId: "cli-1", ticket: "SUP-7",
                   profile: "sandbox", userId: user, cardId: card, action: action, parameters: ["replace_reason": "LOST"],
                   outcome: outcome, requestId: action == "replace" ? "rep-1" : nil)
    }

    @Test func eachEntryIsOneFlushedLineVisibleToAnotherReader() async throws {
        let path = StoreTestFolder.make("flush").appendingPathComponent("audit.jsonl").path
        let log = try AuditLog(path: path)
        try await log.append(Self.entry("U1", "C1", "lock", at: 1_795_000_000))
        // Read through a separate descriptor while the log is still open: nothing is held back in a buffer.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        #expect(text.split(separator: "\n").count == 1)
        #expect(text.contains(#""time":"2026-11-18T11:06:40.000Z""#))
        #expect(text.contains(#""outcome":"applied""#))
        #expect(text.contains(#""type":"result""#))
    }

    @Test func intentsAndResultsAreLinkedAndAnIntentAloneIsUnknown() async throws {
        let path = StoreTestFolder.make("intent").appendingPathComponent("audit.jsonl").path
        let log = try AuditLog(path: path)
        func line(_ op: String, _ phase: AuditPhase, _ outcome: AuditOutcome?, card: String) -> AuditEntry {
            AuditEntry(time: Date(timeIntervalSince1970: 1_795_000_000), operatorName: "alice", sessionId: "cli-1", profile: "sandbox",
                       userId: "U1", cardId: card, action: "lock", phase: phase, outcome: outcome,
                       values: outcome == .applied ? ["status": "LOCK"] : [:], operationId: op)
        }
        let written = [line("op-1", .intent, nil, card: "C1"), line("op-2", .intent, nil, card: "C2"), line("op-1", .result, .applied, card: "C1")]
        for entry in written { try await log.append(entry) }
        let read = try AuditLog.read(path: path, filter: AuditFilter())
        #expect(read == written, "intent, result, values and operation id round-trip")
        let operations = AuditOperation.group(read)
        #expect(operations.map(\.first.cardId) == ["C1", "C2"])
        #expect(operations[0].outcome == .applied && !operations[0].isUnrecorded)
        #expect(operations[1].isUnrecorded, "a result never written: the process died after sending")
        if case .unknown = operations[1].outcome {} else { Issue.record("an intent alone must read as unknown") }
    }

    @Test func linesOfEarlierVersionsAreStillRead() throws {
        let path = StoreTestFolder.make("legacy").appendingPathComponent("audit.jsonl").path
        try (#"{"action":"lock","operator":"a","outcome":"ok","profile":"p","session":"s","time":"2026-11-25T08:15:00.123Z","user_id":"U1"}"# + "\n"
            + #"{"action":"unlock","error":"timed out","operator":"a","outcome":"failed","profile":"p","session":"s","time":"2026-11-25T08:16:00Z","user_id":"U1"}"# + "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let read = try AuditLog.read(path: path, filter: AuditFilter())
        #expect(read.map(\.outcome) == [.applied, .unknown("timed out")])
        #expect(read.allSatisfy { $0.phase == .result })
    }

    @Test func concurrentAppendsNeverInterleave() async throws {
        let path = StoreTestFolder.make("many").appendingPathComponent("audit.jsonl").path
        let log = try AuditLog(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<50 {
                group.addTask { try await log.append(Self.entry("U\(i)", "C\(i)", "lock", at: 1_795_000_000 + Double(i))) }
            }
            try await group.waitForAll()
        }
        let scan = try AuditLog.scan(path: path, filter: AuditFilter())
        #expect(scan.badLines.isEmpty)
        #expect(Set(scan.entries.map(\.userId)).count == 50)
    }

    @Test func aBadLineIsReportedWithItsNumberAndSkipped() async throws {
        let path = StoreTestFolder.make("bad").appendingPathComponent("audit.jsonl").path
        let log = try AuditLog(path: path)
        try await log.append(Self.entry("U1", "C1", "lock", at: 1_795_000_000))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("{not json\n{\"time\":\"yesterday\"}\n".utf8))
        try handle.close()
        try await log.append(Self.entry("U1", "C1", "unlock", at: 1_795_000_001))
        let scan = try AuditLog.scan(path: path, filter: AuditFilter())
        #expect(scan.entries.map(\.action) == ["lock", "unlock"])
        #expect(scan.badLines.map(\.line) == [2, 3])
    }

    @Test func secretParametersAreNeverWritten() async throws {
        let path = StoreTestFolder.make("secret").appendingPathComponent("audit.jsonl").path
        let log = try AuditLog(path: path)
        var entry = Self.entry("U1", "C1", "sensitive-info", at: 1_795_000_000)
        entry.parameters = ["card_pin": "4711", "url": "https://cards.example/reveal/abc", "pan": "4111111111111111",
                            "note": "4111 1111 1111 1111", "ip_address": "10.0.0.1"]
        try await log.append(entry)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for secret in ["4711", "reveal/abc", "4111111111111111", "4111 1111"] { #expect(!text.contains(secret), "\(secret)") }
        #expect(text.contains("10.0.0.1"))
    }

    @Test func sinceAcceptsADayOrAFullTime() {
        #expect(AuditFilter.date(from: "2026-11-25") == Date(timeIntervalSince1970: 1_795_564_800))
        #expect(AuditFilter.date(from: "2026-11-25T08:15:00Z") == Date(timeIntervalSince1970: 1_795_594_500))
        #expect(AuditFilter.date(from: "25/11/2026") == nil)
    }
}
