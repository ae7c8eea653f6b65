import ArgumentParser
import MuseCardOperations

/// `musecard batch …`: lock or unlock many cards from a file, resumable, as fast as MusePay allows.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Lock or unlock cards listed in a file (incident response); resumable.",
        subcommands: [BatchLockCommand.self, BatchUnlockCommand.self, BatchResumeCommand.self, BatchStatusCommand.self,
                      BatchBenchCommand.self]
    )
}

/// `batch lock`: one `lock` per line through the operations layer, under one run id.
struct BatchLockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lock", abstract: "Lock every card listed in --file.")
    @OptionGroup var options: BatchRunOptions
    @OptionGroup var connection: ConnectionOptions

    func run() async throws { try await BatchSession.start(.lock, options: options, connection: connection) }
}

/// `batch unlock`: one `unlock` per line.
struct BatchUnlockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unlock", abstract: "Unlock every card listed in --file.")
    @OptionGroup var options: BatchRunOptions
    @OptionGroup var connection: ConnectionOptions

    func run() async throws { try await BatchSession.start(.unlock, options: options, connection: connection) }
}

/// `batch resume RUN_ID`: carries on with the lines of a run that have no definite answer yet.
struct BatchResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Continue a batch run that stopped.")
    @Argument(help: "The run id (see: musecard batch status).")
    var runId: String
    @OptionGroup var pacing: BatchPacingOptions
    @OptionGroup var connection: ConnectionOptions

    func run() async throws { try await BatchSession.resume(runId, pacing: pacing, connection: connection) }
}

/// How fast, and where the report goes: shared by lock, unlock and resume.
struct BatchPacingOptions: ParsableArguments {
    @Option(name: .customLong("concurrency"),
            help: "Most calls in flight, a hard cap; the run adapts below it (without it, the window may grow to \(BatchPacer.defaultCeiling)).")
    var concurrency: Int?
    @Option(name: .customLong("rate"), help: "Hard ceiling in calls per second.")
    var rate: Double?
    @Option(name: .customLong("report"), help: "Write a report: .csv for CSV, .jsonl for JSON Lines.")
    var report: String?

    func validate() throws {
        if let concurrency, !(1...256).contains(concurrency) { throw ValidationError("--concurrency must be 1…256") }
        if let rate, !(rate > 0 && rate <= 100_000) { throw ValidationError("--rate must be a number of calls per second above 0") }
        if let report, BatchReportFile.Format(path: report) == nil {
            throw ValidationError("--report must end in .csv or .jsonl (or .ndjson)")
        }
    }
}

/// The options of a new run.
struct BatchRunOptions: ParsableArguments {
    @Option(name: .customLong("file"), help: "CSV with a header, or JSON Lines: user_id, card_id, optional reason and note.")
    var file: String
    @Option(name: .customLong("reason"), help: "Lock reason: CUSTOMER_REQUEST, LOST, STOLEN, FRAUD_SUSPECTED, COMPROMISED or OTHER.")
    var reason: String?
    @Option(name: .customLong("note"), help: "A note for the audit trail; required with --reason OTHER.")
    var note: String?
    @Flag(name: .customLong("dry-run"), help: "Check the file and say what would be done; send nothing.")
    var dryRun = false
    @Flag(name: .customLong("yes"), help: "Do not ask for confirmation (for scripts).")
    var yes = false
    @OptionGroup var pacing: BatchPacingOptions
}
