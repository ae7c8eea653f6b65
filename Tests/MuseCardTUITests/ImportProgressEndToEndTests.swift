import Foundation
import MuseCardTestSupport
import Testing

/// `musecard cards import` on a terminal: a progress bar redrawn in place, gone when the summary comes.
struct ImportProgressEndToEndTests {
    @Test func aTerminalShowsABarThatMakesWayForTheSummary() throws {
        let folder = Fixtures.scratchPath("musecard-import-tty")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("cards.csv")
        let lines = (0..<500_000).map { "U\($0 / 20),C\($0)" }
        try ("user_id,card_id\n" + lines.joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)
        let session = try TmuxSession([ConsoleSessionEndToEndTests.binary, "cards", "import", csv.path],
                                      columns: 100, rows: 12, environment: ["MUSECARD_PARTNER_ID": "200001"])
        defer { session.kill() }
        let running = try session.waitUntil("the progress bar", timeout: 120) { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("[#") && $0.contains("% · ") && $0.contains(" imported · ") }
        }
        let barLines = running.split(separator: "\n").filter { $0.contains("% · ") }
        #expect(barLines.count == 1, "one line, redrawn in place: \(running)")
        let done = try session.waitFor("[exited 0]", timeout: 600)
        #expect(done.contains("cards added     500000"), "\(done)")
        #expect(!done.contains("[#") && !done.contains("% · "), "the bar is cleared before the summary: \(done)")
    }
}
