import ArgumentParser
import Foundation
import MuseCardStore
import MuseCardTUI

/// `musecard tui` (and `musecard` alone): the full-screen console for support agents.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the console for a cardholder (the default when no command is given)."
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .customLong("user"), help: "Cardholder user id to open (without it, the console asks).")
    var userId: String?

    @Flag(name: .customLong("read-only"), help: "Look, do not touch: dangerous actions are not offered.")
    var readOnly = false

    @Option(name: .customLong("theme"), help: "Theme name (themes/ and ~/.config/musecard/themes/) or a .yaml path.",
            completion: .custom { _, _, _ in ThemeCatalog.standard().names() })
    var theme: String?

    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (its own selection); also mouse: false in config.")
    var noMouse = false

    @Flag(name: .customLong("theme-preview"), help: "Show the theme on made-up cards; nothing is sent anywhere.")
    var themePreview = false

    @Option(name: .customLong("summary-file"), help: "Also write the session summary as Markdown to this file (see also summary_dir in config).")
    var summaryFile: String?

    func run() async throws {
        let settings = try connection.settingsOrExit()
        let chosen: Theme
        do {
            chosen = try ThemeCatalog.standard().select(name: theme ?? settings.theme, noColor: noColor)
        } catch {
            StandardError.print("musecard: theme: \(error)")
            throw ExitCode(ExitStatus.configuration)
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            StandardError.print("musecard: \(TerminalError.notATerminal)")
            throw ExitCode(ExitStatus.usage)
        }
        let logFile = MuseCardPaths.resolve().logFile.path
        LogSetup.file(logFile)
        let console = try await openSource(settings: settings, themeName: chosen.name)
        let result: ConsoleSession.Result
        do {
            result = try await ConsoleSession(theme: chosen, stderrFile: logFile, clipboard: console.clipboard,
                                    mouse: settings.mouse && !noMouse).runOnOwnThread(console.source)
        } catch {
            await console.stop()
            StandardError.print("musecard: \(error)")
            throw ExitCode(ExitStatus.configuration)
        }
        await console.stop()
        // The screen is gone: the summary goes to standard output for the ticket.
        print(result.summary)
        if let markdown = console.markdown { SummaryFile.write(markdown(Date()), file: summaryFile, folder: settings.summaryDir) }
        if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
    }
}
