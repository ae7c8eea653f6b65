import ArgumentParser

/// The `musecard` command: the console, and scriptable commands over the same core.
@main
struct MuseCard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "musecard",
        abstract: "A keyboard-driven console for managing a cardholder's MusePay cards.",
        subcommands: [ConsoleCommand.self, CardCommand.self, CardsCommand.self, CardholderCommand.self, AuditCommand.self, InfoCommand.self, KeysCommand.self,
                      SandboxCommand.self, RenderBenchCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )
}
