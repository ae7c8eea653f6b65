import Foundation
import MuseCardTestSupport
import Testing

/// The session summary a ticket can take as is, printed and written as Markdown with `--summary-file`.
@Suite(.serialized)
struct SummaryFileEndToEndTests {
    let base = ConsoleSessionEndToEndTests()

    @Test func theSummaryIsPrintedAndWrittenAsMarkdownPerCardholder() throws {
        let file = Fixtures.scratchPath("musecard-summary").appendingPathExtension("md")
        let session = try TmuxSession([ConsoleSessionEndToEndTests.binary, "tui", "--user", ConsoleSessionEndToEndTests.zhang,
                                       "--ticket", "SUP-7", "--summary-file", file.path],
                                      environment: ["MUSECARD_THEMES_DIR": ConsoleSessionEndToEndTests.themes])
        defer { session.kill(); try? FileManager.default.removeItem(at: file) }
        try session.waitUntil("first card loaded") { base.row($0, "6407").contains("ACTIVE") }
        try session.send("l")
        try session.waitFor("CUSTOMER_REQUEST")
        try session.send("enter")
        try session.waitFor("Lock card?")
        try session.send("y")
        try session.waitUntil("locked") { base.row($0, "6407").contains("LOCK") && !base.row($0, "6407").contains("ACTIVE") }
        try session.send("q")
        let screen = try session.waitFor("[exited 0]")
        #expect(screen.contains("Cardholder 60004409 (张伟), ticket SUP-7"))
        #expect(screen.contains("lock VC1000000005 (lock_reason=CUSTOMER_REQUEST): applied, now LOCK"))
        #expect(screen.contains("summary written to"))
        let markdown = try String(contentsOf: file, encoding: .utf8)
        #expect(markdown.hasPrefix("# MuseCard session tui-"))
        #expect(markdown.contains("## Cardholder 60004409 (张伟), ticket SUP-7"))
        #expect(markdown.contains("lock VC1000000005 (lock_reason=CUSTOMER_REQUEST): applied, now LOCK"))
        #expect(markdown.contains("Cards now: VC1000000005 LOCK"))
        let mode = (try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int ?? 0) & 0o777
        #expect(mode == 0o600)
    }
}
