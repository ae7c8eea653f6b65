import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore

/// Wires a batch run: checks the input before anything is sent, asks for confirmation, makes or
/// finds the run in the batch journal, runs it through the operations layer, reports.
enum BatchSession {
    /// `batch lock|unlock`: a new run, or the same run again when the same file and operation were started before.
    static func start(_ operation: OperationName, options: BatchRunOptions, connection: ConnectionOptions) async throws {
        LogSetup.commandLine()
        let settings = try connection.settingsOrExit()
        let reason = try checkedReason(operation, options: options)
        guard let ticket = settings.ticket else {
            throw ExitStatus.fail(.validation(field: "--ticket", reason: "is required for a batch run (or set MUSECARD_TICKET)"))
        }
        let input = BatchInput(path: options.file, operation: operation, defaultNote: options.note)
        let scan: BatchScan
        do { scan = try input.scan() } catch { throw ExitStatus.fail(error.renamingField(ExitStatus.flags)) }
        if scan.badCount > 0 || scan.duplicateCount > 0 {
            reportBadInput(scan, file: options.file)
            throw ExitCode(ExitStatus.usage)
        }
        guard scan.count > 0 else { throw ExitStatus.fail(.validation(field: "--file", reason: "lists no cards")) }
        let scope = "\(settings.profileLabel)/\(settings.partnerId ?? "-")"
        let runId = BatchPlan.runId(operation: operation, profile: scope, digest: scan.digest)
        let plan = "\(operation.rawValue) \(scan.count) card\(scan.count == 1 ? "" : "s") from \(options.file) " +
            "(reason \(reason?.code.rawValue ?? options.reason ?? "none"), ticket \(ServiceText.sanitize(ticket)), " +
            "profile \(settings.profileLabel) [\(settings.environment.label)], run \(runId))"
        if options.dryRun {
            print("Dry run: would \(plan). Nothing was sent.")
            return
        }
        let journal = try openJournal()
        let existing = try journal.run(runId)
        if let existing {
            let counts = try journal.counts(of: runId)
            StandardError.print("musecard: resuming \(runId): \(counts.finished) of \(existing.total) lines already answered")
        } else {
            try BatchConfirmation.ask(plan: plan, count: scan.count, production: settings.environment == .production, yes: options.yes)
        }
        let record = BatchRunRecord(runId: runId, operation: operation.rawValue, reason: reason?.code.rawValue ?? options.reason,
                                    note: options.note, ticket: ticket, profile: scope, source: options.file, total: scan.count,
                                    createdAt: Date())
        let run: BatchRunRecord
        do { run = try BatchPlan.prepare(record, input: input, scan: scan, journal: journal) } catch let error as MusePayError {
            throw ExitStatus.fail(error)
        }
        // A run keeps the reason it was started with, whatever this command line says.
        let kept = existing == nil ? reason : run.reason.flatMap { try? LockReason(parsing: $0, note: run.note) }
        try await execute(run, journal: journal, reason: kept, pacing: options.pacing, connection: connection)
    }

    /// `batch resume RUN_ID`: the run's own operation, reason and ticket; the lines come from the journal.
    static func resume(_ runId: String, pacing: BatchPacingOptions, connection: ConnectionOptions) async throws {
        LogSetup.commandLine()
        let journal = try openJournal()
        guard let run = try journal.run(runId) else {
            StandardError.print("musecard: no batch run \(ServiceText.sanitize(runId)) (see: musecard batch status)")
            throw ExitCode(ExitStatus.usage)
        }
        guard try journal.counts(of: runId).total >= run.total else {
            StandardError.print("musecard: run \(runId) stopped while its lines were being recorded; start it again with the same command (batch \(run.operation) --file \(ServiceText.sanitize(run.source)) …)")
            throw ExitCode(ExitStatus.usage)
        }
        let operation = OperationName(rawValue: run.operation) ?? .lock
        let reason = operation == .lock ? run.reason.flatMap { try? LockReason(parsing: $0, note: run.note) } : nil
        try await execute(run, journal: journal, reason: reason, pacing: pacing, connection: connection)
    }

    /// The batch journal, or exit 74 saying why it cannot be opened.
    static func openJournal() throws -> BatchJournal {
        let paths = MuseCardPaths.resolve()
        do { return try BatchJournal.open(paths: paths) } catch {
            StandardError.print("musecard: cannot open the batch journal \(paths.batchFile.path): \(error)")
            throw ExitCode(ExitCodes.ioError)
        }
    }

    /// Bad lines, then card ids on more than one line: the whole file is refused, so no card is
    /// acted on twice and no line's reason silently wins over another's.
    private static func reportBadInput(_ scan: BatchScan, file: String) {
        if scan.badCount > 0 {
            StandardError.print("musecard: \(scan.badCount) bad line\(scan.badCount == 1 ? "" : "s") in \(file); nothing was sent:")
            for bad in scan.badLines { StandardError.print("  line \(bad.line): \(ServiceText.message(bad.reason))") }
            if scan.badCount > scan.badLines.count { StandardError.print("  … and \(scan.badCount - scan.badLines.count) more") }
        }
        guard scan.duplicateCount > 0 else { return }
        let ids = scan.duplicateCount == 1 ? "1 card id is" : "\(scan.duplicateCount) card ids are"
        StandardError.print("musecard: \(ids) on more than one line in \(file); nothing was sent (keep one line per card, then run again):")
        for duplicate in scan.duplicates {
            let lines = duplicate.lines.map(String.init).joined(separator: ", ")
            StandardError.print("  card_id \(ServiceText.sanitize(duplicate.cardId)): lines \(lines)")
        }
        if scan.duplicateCount > scan.duplicates.count { StandardError.print("  … and \(scan.duplicateCount - scan.duplicates.count) more") }
    }

    /// `--reason` (required to lock) as a `LockReason`; unlock keeps it as text for the run.
    private static func checkedReason(_ operation: OperationName, options: BatchRunOptions) throws -> LockReason? {
        guard operation == .lock else { return nil }
        guard let text = options.reason else {
            throw ExitStatus.fail(.validation(field: "--reason", reason: "is required for batch lock (e.g. --reason COMPROMISED)"))
        }
        do { return try LockReason(parsing: text, note: options.note) } catch { throw ExitStatus.fail(error) }
    }
}
