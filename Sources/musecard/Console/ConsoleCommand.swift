import ArgumentParser
import Foundation
import MuseCardTUI

/// `musecard tui` (and `musecard` alone): the full-screen console for support agents.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the console for a cardholder (the default when no command is given)."
    )

    @Option(name: .customLong("user"), help: "Cardholder user id to open (without it, the console asks).")
    var userId: String?

    @Option(name: .customLong("ticket"), help: "Support ticket, recorded with every action.")
    var ticket: String?

    @Option(name: .customLong("profile"), help: "Configuration profile: sandbox, test or production.")
    var profile: String?

    @Flag(name: .customLong("read-only"), help: "Look, do not touch: dangerous actions are not offered.")
    var readOnly = false

    @Option(name: .customLong("theme"), help: "Theme name (themes/ and ~/.config/musecard/themes/) or a .yaml path.")
    var theme: String?

    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .customLong("theme-preview"), help: "Show the theme on made-up cards; nothing is sent anywhere.")
    var themePreview = false

    func run() async throws {
        let chosen: Theme
        do {
            chosen = try ThemeCatalog.standard().select(name: theme, noColor: noColor)
        } catch {
            StandardError.print("musecard: theme: \(error)")
            throw ExitCode(ExitStatus.configuration)
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            StandardError.print("musecard: \(TerminalError.notATerminal)")
            throw ExitCode(ExitStatus.usage)
        }
        let places = ConsolePlaces.standard()
        ConsoleLogging.bootstrap(file: places.logFile)
        let source: ScreenSource
        if themePreview {
            source = ThemePreview(themeName: chosen.name)
        } else {
            source = try await makeScreenSource(options)
        }
        let result: ConsoleSession.Result
        do {
            result = try await ConsoleSession(theme: chosen, stderrFile: places.logFile).runOnOwnThread(source)
        } catch {
            StandardError.print("musecard: \(error)")
            throw ExitCode(ExitStatus.configuration)
        }
        // The screen is gone: the summary goes to standard output for the ticket.
        print(result.summary)
        if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
    }

    /// What the user asked for, handed to the runtime factory.
    var options: ConsoleOptions {
        ConsoleOptions(userId: userId, ticket: ticket, profile: profile, readOnly: readOnly)
    }
}

/// The session the user asked for on the command line.
struct ConsoleOptions: Sendable, Equatable {
    var userId: String?
    var ticket: String?
    var profile: String?
    var readOnly: Bool
}
