import Foundation
import MuseCardKit
@testable import MuseCardOperations
import MuseCardTestSupport
import Synchronization
import Testing

/// The batch pacer's AIMD window and rate ceiling, and the input scanner's line rules.
struct BatchPacingTests {
    @Test func successesWidenTheWindowAndA429HalvesItOncePerPause() async {
        let pacer = BatchPacer(maxConcurrency: 8, rate: nil)
        #expect(await pacer.window == 4)
        for _ in 0..<4 { await pacer.acquire(); await pacer.release(.success) }
        #expect(await pacer.window == 5)
        await pacer.rateLimited(retryAfter: .milliseconds(100))
        await pacer.rateLimited(retryAfter: .milliseconds(100))
        #expect(await pacer.window == 2, "two 429s of one burst halve once")
        let started = ContinuousClock.now
        await pacer.acquire()
        #expect(ContinuousClock.now - started >= .milliseconds(90), "every call waits for Retry-After")
        await pacer.release(.success)
    }

    @Test func rateIsACeilingWithoutBurst() async {
        let pacer = BatchPacer(maxConcurrency: 16, rate: 50)
        let started = ContinuousClock.now
        for _ in 0..<21 { await pacer.acquire(); await pacer.release(.success) }
        #expect(ContinuousClock.now - started >= .milliseconds(390), "21 calls at 50/s need 0.4 s")
    }

    @Test func aBurstOfTransportFailuresPausesAndSaysSo() async {
        let notices = NoticeBox()
        let pacer = BatchPacer(maxConcurrency: 4, rate: nil, burst: 3) { notices.add($0) }
        for _ in 0..<3 { await pacer.acquire(); await pacer.release(.transportFailure) }
        #expect(await pacer.transportPauses == 1)
        #expect(notices.all.first?.contains("paused: 3 transport failures in a row") == true)
    }

    @Test func theScannerReadsCSVAndJSONLinesAndNamesBadLines() throws {
        let folder = Fixtures.scratchPath("batch-input")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let csv = folder.appendingPathComponent("a.csv")
        try "card_id,user_id,note\r\n\"C,1\",U1,\"say \"\"hi\"\"\"\r\n# comment\r\n\r\nC2,U2,\n".write(to: csv, atomically: true, encoding: .utf8)
        var lines: [BatchInputLine] = []
        let scan = try BatchInput(path: csv.path, operation: .lock, defaultNote: nil).scan { lines.append($0) }
        #expect(scan.count == 2 && scan.badCount == 0)
        #expect(lines.map(\.cardId) == ["C,1", "C2"] && lines[0].note == "say \"hi\"" && lines[1].line == 5)
        let jsonl = folder.appendingPathComponent("b.jsonl")
        try "{\"user_id\":\"U1\",\"card_id\":\"C1\",\"reason\":\"OTHER\"}\n{\"user_id\":\"U2\"}\nnot json\n".write(to: jsonl, atomically: true, encoding: .utf8)
        let bad = try BatchInput(path: jsonl.path, operation: .lock, defaultNote: nil).scan()
        #expect(bad.badLines.map(\.line) == [1, 2, 3], "OTHER needs a note; card_id missing; not JSON")
        let withNote = try BatchInput(path: jsonl.path, operation: .lock, defaultNote: "breach").scan()
        #expect(withNote.badLines.map(\.line) == [2, 3])
        let noHeader = folder.appendingPathComponent("c.csv")
        try "U1,C1\n".write(to: noHeader, atomically: true, encoding: .utf8)
        #expect(try BatchInput(path: noHeader.path, operation: .lock, defaultNote: nil).scan().badLines.first?.reason.contains("user_id column") == true)
        #expect(scan.digest != withNote.digest && scan.digest.count == 64)
    }

    @Test func theScannerNamesEveryLineOfARepeatedCardId() throws {
        let folder = Fixtures.scratchPath("batch-dup")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("a.csv")
        // C1 three times (once under another cardholder), C3 twice; the bad line 6 is a bad line, not a duplicate.
        try "user_id,card_id\nU1,C1\nU2,C2\nU1,C3\nU9,C1\n,C2\nU1,C3\nU1,C1\n".write(to: csv, atomically: true, encoding: .utf8)
        let scan = try BatchInput(path: csv.path, operation: .unlock, defaultNote: nil).scan()
        #expect(scan.duplicates == [BatchDuplicate(cardId: "C1", lines: [2, 5, 8]), BatchDuplicate(cardId: "C3", lines: [4, 7])])
        #expect(scan.duplicateCount == 2 && scan.count == 6 && scan.badLines.map(\.line) == [6])
        let clean = folder.appendingPathComponent("b.jsonl")
        try "{\"user_id\":\"U1\",\"card_id\":\"C1\"}\n{\"user_id\":\"U1\",\"card_id\":\"C10\"}\n".write(to: clean, atomically: true, encoding: .utf8)
        #expect(try BatchInput(path: clean.path, operation: .lock, defaultNote: nil).scan().duplicateCount == 0)
    }
}

/// Notices collected from the pacer's callback.
final class NoticeBox: Sendable {
    private let lines = Mutex<[String]>([])
    func add(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
