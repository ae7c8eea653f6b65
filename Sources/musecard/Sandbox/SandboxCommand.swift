import ArgumentParser

/// `musecard sandbox …`: run the local MusePay imitation, or measure it.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local MusePay sandbox (signatures, card state machine, faults, demo data).",
        subcommands: [SandboxServeCommand.self, SandboxBenchCommand.self]
    )
}
