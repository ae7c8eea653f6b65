import Foundation
import MuseCardOperations
import MuseCardStore

/// Shows a running batch on standard error (see `ProgressLine`): counts, rate, ETA and the pacer's window.
final class BatchProgressDisplay: Sendable {
    let runId: String
    let operation: String
    private let output = ProgressLine()

    init(runId: String, operation: String) {
        self.runId = runId
        self.operation = operation
    }

    func start(_ progress: BatchProgress, pacer: BatchPacer) {
        let initial = progress.finishedByThisProcess
        output.start { elapsed in
            self.line(progress, elapsed: elapsed, initial: initial, window: await pacer.window)
        }
    }

    func stop() { output.stop() }

    /// A message of the pacer (a 429, a pause), on its own line.
    func notice(_ text: String) { output.notice(text) }

    func line(_ progress: BatchProgress, elapsed: Duration, initial: Int, window: Int) -> String {
        let counts = progress.snapshot
        let rate = Double(progress.finishedByThisProcess - initial) / ProgressLine.seconds(elapsed)
        let remaining = counts.total - counts.finished
        let eta = rate > 0 ? ProgressLine.duration(Double(remaining) / rate) : "?"
        return "\(operation) \(runId): \(counts.finished)/\(counts.total) done · applied \(counts[.applied]) · refused \(counts[.refused])" +
            " · unknown \(counts[.unknown]) · in flight \(counts[.sending]) · \(String(format: "%.0f", rate))/s · ETA \(eta) · window \(window)"
    }
}
