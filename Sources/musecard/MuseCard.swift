import ArgumentParser
import MuseCardViewModel

/// The `musecard` command: the console, and scriptable commands over the same core.
@main
struct MuseCard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "musecard",
        abstract: "A keyboard-driven console for managing a cardholder's MusePay cards.",
        subcommands: [ConsoleCommand.self, CardCommand.self, CardsCommand.self, CardholderCommand.self, BatchCommand.self, AuditCommand.self,
                      ApprovalsCommand.self,
                      InfoCommand.self, KeysCommand.self, TeamCommand.self, SandboxCommand.self, RenderBenchCommand.self, BenchCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )

    /// Before any thread allocates: one malloc arena is plenty for one agent at a keyboard; a
    /// second (a reader thread's) kept 12 MB of a long list's decoding garbage resident (smaps).
    static func main() async {
        ProcessMemory.limitArenas(1)
        await main(nil)
    }
}
