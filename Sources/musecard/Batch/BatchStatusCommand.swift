import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardStore

/// `batch status [RUN_ID]`: every run with its counts, or one run in detail.
struct BatchStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the progress of batch runs.")
    @Argument(help: "A run id; without one, every run.")
    var runId: String?

    func run() async throws {
        let journal = try BatchSession.openJournal()
        if let runId {
            guard let run = try journal.run(runId) else {
                StandardError.print("musecard: no batch run \(ServiceText.sanitize(runId)) (see: musecard batch status)")
                throw ExitCode(ExitStatus.usage)
            }
            let counts = try journal.counts(of: runId)
            print(BatchSummary.describe(run))
            print(BatchSummary.table(counts))
            return
        }
        let runs = try journal.runs()
        guard !runs.isEmpty else { print("No batch runs."); return }
        let rows = try runs.map { run -> [String] in
            let counts = try journal.counts(of: run.runId)
            return [run.runId, run.operation, run.createdAt.formatted(.iso8601), "\(counts.finished)/\(run.total)",
                    "\(counts[.applied])", "\(counts[.refused])", "\(counts[.unknown] + counts[.sending])",
                    run.finishedAt == nil ? "open" : "done", ServiceText.sanitize(run.ticket ?? "")]
        }
        print(TextTable.render(header: ["RUN", "OP", "STARTED", "DONE", "APPLIED", "REFUSED", "UNKNOWN", "STATE", "TICKET"], rows: rows))
    }
}
