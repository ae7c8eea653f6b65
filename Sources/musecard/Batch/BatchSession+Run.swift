import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore
import MuseCardTUI

extension BatchSession {
    /// Runs the open lines of `run`, shows progress, then prints the summary, writes the report and exits
    /// 0 (all applied), 1 (some refused) or 75 (some without a definite answer: resume later).
    /// The journal is the one the run was found in: a second pool would hold its own connections and page caches.
    static func execute(_ run: BatchRunRecord, journal: BatchJournal, reason: LockReason?, pacing: BatchPacingOptions,
                        connection: ConnectionOptions) async throws {
        let session = try await StoreSession.open(connection, audited: true)
        var configuration: ClientConfiguration
        do { configuration = try session.settings.clientConfiguration() } catch { throw ExitStatus.fail(error) }
        let display = BatchProgressDisplay(runId: run.runId, operation: run.operation)
        let pacer = BatchPacer(maxConcurrency: pacing.concurrency ?? BatchPacer.defaultCeiling, rate: pacing.rate) { display.notice($0) }
        // The run retries, not the client: every 429 and failure reaches the pacer.
        configuration.retry = RetryPolicy(maxAttempts: 1)
        configuration.onRateLimited = { retryAfter in Task { await pacer.rateLimited(retryAfter: retryAfter) } }
        let client = MusePayClient(configuration: configuration)
        let operations = session.operations(service: client, runId: run.runId)
        let operation = OperationName(rawValue: run.operation) ?? .lock
        let runner = try BatchRunner(operations: operations, journal: journal, run: run,
                                     settings: BatchSettings(operation: operation, reason: reason), pacer: pacer)
        if session.settings.environment == .production {
            StandardError.print("musecard: PRODUCTION (profile \(session.settings.profileLabel)): batch \(run.operation) acts on real cards")
        }
        let signals = StopSignals()
        let watcher = Task {
            while !Task.isCancelled {
                if let number = signals.pending {
                    runner.requestStop("stopped by signal \(number)")
                    break
                }
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
        display.start(runner.progress, pacer: pacer)
        let counts: BatchCounts
        do { counts = try await runner.start() } catch {
            display.stop()
            await client.shutdown()
            StandardError.print("musecard: the batch journal cannot be written: \(error)")
            throw ExitCode(ExitCodes.ioError)
        }
        display.stop()
        let (limited, pauses, window) = (await pacer.rateLimitedCount, await pacer.transportPauses, await pacer.window)
        StandardError.print("musecard: pace: \(limited) answers 429, \(pauses) pauses for transport failures, window \(window) of \(pacer.maxWindow) at the end")
        watcher.cancel()
        signals.cancel()
        await client.shutdown()
        await session.close()
        print(BatchSummary.table(counts))
        if let path = pacing.report {
            do { try BatchReportFile.write(path: path, journal: journal, runId: run.runId) } catch {
                StandardError.print("musecard: cannot write the report \(path): \(error)")
            }
        }
        let open = counts[.pending] + counts[.sending] + counts[.unknown]
        if let why = runner.stoppedBecause { StandardError.print("musecard: \(ServiceText.message(why))") }
        if open > 0 {
            StandardError.print("musecard: \(open) line\(open == 1 ? "" : "s") without a definite answer; continue with: musecard batch resume \(run.runId)")
            throw ExitCode(ExitCodes.unknown)
        }
        if counts[.refused] > 0 { throw ExitCode(ExitCodes.refused) }
    }
}
