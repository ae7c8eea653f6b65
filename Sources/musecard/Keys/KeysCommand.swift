import ArgumentParser
import Foundation
import MuseCardStore
import MuseCardViewModel

/// `musecard keys`: the console's key table, as the help overlay and the README show it.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "List the console's keys.")

    @Flag(help: "Print a Markdown table of the default keys (the README's key list is this output).")
    var markdown = false
    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        // The README shows the defaults; people see their own table, with config.yaml's remaps.
        if markdown { return print(KeyTableDocument.markdown(.defaults)) }
        let environment = ProcessInfo.processInfo.environment
        let settings = try connection.settingsOrExit(environment: environment)
        let table = try ConsoleWiring.keyTable(settings, paths: MuseCardPaths.resolve(environment: environment))
        print(KeyTableDocument.text(table))
    }
}

/// The key table as text for people and as Markdown for the README.
enum KeyTableDocument {
    static func markdown(_ table: KeyTable) -> String {
        var lines = ["| keys | action | name for remapping | notes |", "| --- | --- | --- | --- |"]
        for binding in table.bindings {
            let keys = binding.keys.isEmpty ? "action menu" : binding.keys.map { "`\($0)`" }.joined(separator: " ")
            var notes: [String] = []
            if binding.isDangerous { notes.append("asks to confirm") }
            if binding.isMutating { notes.append("hidden in read-only mode") }
            if let marked = binding.onMarked { notes.append("while cards are marked: \(marked)") }
            lines.append("| \(keys) | \(binding.label) | `\(binding.action.rawValue)` | \(notes.joined(separator: "; ")) |")
        }
        return lines.joined(separator: "\n")
    }

    static func text(_ table: KeyTable) -> String {
        KeyBinding.Section.allCases.map { section in
            let rows = table.bindings.filter { $0.section == section }.map { binding in
                let keys = binding.keys.isEmpty ? "(menu)" : binding.keys.joined(separator: " ")
                return "  " + keys.padding(toLength: 14, withPad: " ", startingAt: 0) + binding.label
            }
            return ([section.rawValue] + rows).joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
