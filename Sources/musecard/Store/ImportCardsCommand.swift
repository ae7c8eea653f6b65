import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore

/// `musecard cards import FILE`: which cards belong to whom, from the partner's own records, into the profile's index.
struct ImportCards: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import which cards belong to whom from the partner's own records.",
        discussion: """
            FILE is CSV with a header or JSON Lines, with user_id, card_id and an optional label (the cardholder's \
            name, say). Cards the index knows already are left as they are, so importing a file twice adds nothing. \
            Lines are written in batches, each in one transaction. Bad lines are listed with their numbers and the good \
            ones imported; the exit status is 1 when any line was rejected.
            """)
    @Argument(help: "CSV with a header, or JSON Lines: user_id, card_id, optional label.")
    var file: String
    @Flag(name: .customLong("dry-run"), help: "Check the file and say what would be imported; write nothing.")
    var dryRun = false
    @Option(name: .customLong("batch-size"), help: "Lines per transaction.")
    var batchSize = CardOperations.importBatchSize
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard (1...100_000).contains(batchSize) else { throw ValidationError("--batch-size must be 1…100000") }
    }

    func run() async throws {
        let (session, index) = try await IndexStore.open(connection)
        let context = OperationContext(operatorName: session.settings.actingOperator(ProcessInfo.processInfo.environment),
                                       sessionId: session.sessionId, profile: session.settings.profileLabel, readOnly: false)
        // Nothing is sent to MusePay nor audited: the import teaches the index only.
        let operations = CardOperations(service: UnavailableService(error: .configuration("this command does not talk to MusePay")),
                                        audit: InMemoryAuditSink(), journal: nil, cache: index.cache, context: context)
        let progress = IndexImportProgress()
        let display = ImportProgressDisplay(file: file)
        let started = ContinuousClock.now
        display.start(progress)
        let result: Result<IndexImportReport, any Error>
        do { result = .success(try await operations.importCards(path: file, dryRun: dryRun, batchSize: batchSize, progress: progress)) } catch {
            result = .failure(error)
        }
        display.stop()
        await index.close()
        let elapsed = ContinuousClock.now - started
        let report: IndexImportReport
        do { report = try result.get() } catch let error as MusePayError {
            throw ExitStatus.fail(error)
        } catch let failure as IndexImportFailure {
            print(summary(failure.report, session: session, place: index.place, elapsed: elapsed))
            StandardError.print("musecard: cannot write the index: \(ServiceText.message(failure.description)); every line before " +
                                "line \(failure.lines.lowerBound) was imported. Run the same command again to carry on (importing twice adds nothing).")
            throw ExitCode(ExitCodes.ioError)
        }
        print(summary(report, session: session, place: index.place, elapsed: elapsed))
        guard report.rejectedCount > 0 else { return }
        StandardError.print("musecard: \(report.rejectedCount) line\(report.rejectedCount == 1 ? "" : "s") rejected in \(file):")
        for bad in report.rejected { StandardError.print("  line \(bad.line): \(ServiceText.message(bad.reason))") }
        if report.rejectedCount > report.rejected.count { StandardError.print("  … and \(report.rejectedCount - report.rejected.count) more") }
        // Some lines were refused: 1, as a refused operation.
        throw ExitCode(ExitCodes.refused)
    }

    private func summary(_ report: IndexImportReport, session: StoreSession, place: String, elapsed: Duration) -> String {
        let seconds = ProgressLine.seconds(elapsed)
        let place = "the index of profile \(session.settings.profileLabel) (partner \(session.settings.partnerId ?? "-"), \(ServiceText.sanitize(place)))"
        let head = dryRun ? "Dry run of \(file) for \(place): nothing was written." :
            "Imported \(file) into \(place) in \(String(format: "%.1f", seconds)) s (\(String(format: "%.0f", Double(report.lines) / seconds)) lines/s), \(report.batches) batch\(report.batches == 1 ? "" : "es"):"
        var rows = [["lines", "\(report.lines)"]]
        rows += dryRun ? [["to import", "\(report.good)"]]
                       : [["cards added", "\(report.count.added)"], ["already known", "\(report.count.known)"]]
        rows += [["repeated lines", "\(report.duplicates)"], ["rejected lines", "\(report.rejectedCount)"]]
        let width = rows.map { $0[0].count }.max() ?? 0
        return head + "\n" + rows.map { "  " + $0[0].padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0[1] }.joined(separator: "\n")
    }
}
