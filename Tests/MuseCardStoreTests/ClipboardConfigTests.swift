import Foundation
import MuseCardStore
import Testing

/// `clipboard:` in config.yaml: osc52 (the default), off, or a command.
struct ClipboardConfigTests {
    @Test func theThreeFormsAreRead() throws {
        #expect(try MuseCardConfig.load(path: try ConfigTests.write("profiles: {}\n")).clipboard == .osc52)
        #expect(try MuseCardConfig.load(path: try ConfigTests.write("clipboard: off\n")).clipboard == .off)
        #expect(try MuseCardConfig.load(path: try ConfigTests.write("clipboard: osc52\n")).clipboard == .osc52)
        let command = try MuseCardConfig.load(path: try ConfigTests.write("clipboard:\n  command: [xclip, -selection, clipboard]\n"))
        #expect(command.clipboard == .command(["xclip", "-selection", "clipboard"]))
    }

    @Test func anythingElseIsRefusedWithItsLine() throws {
        let error = try #require(try ConfigTests.failure("keys: {}\nclipboard: xclip\n"))
        #expect(error.line == 2)
        #expect(error.message.contains("clipboard must be osc52, off or {command: [program, …]}"))
        #expect(try ConfigTests.failure("clipboard:\n  command: []\n") != nil)
    }

    @Test func aliasesAreReadAndBadNamesRefused() throws {
        let config = try MuseCardConfig.load(path: try ConfigTests.write("aliases:\n  fraud: lock\n  s2: ticket SUP-2\n"))
        #expect(config.aliases == ["fraud": "lock", "s2": "ticket SUP-2"])
        #expect(try ConfigTests.failure("aliases:\n  \"a b\": lock\n")?.message.contains("alias names are letters") == true)
    }
}
