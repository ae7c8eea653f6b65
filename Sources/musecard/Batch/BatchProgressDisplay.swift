import Foundation
import MuseCardOperations
import MuseCardStore
import Synchronization

/// Shows a running batch on standard error: on a terminal one line redrawn in place; otherwise a
/// line every few seconds (`MUSECARD_PROGRESS_SECONDS`, default 5). Notices get lines of their own.
final class BatchProgressDisplay: Sendable {
    let runId: String
    let operation: String
    let isTerminal = isatty(STDERR_FILENO) == 1
    let interval: Double
    private let task = Mutex<Task<Void, Never>?>(nil)
    /// The last progress text drawn on a terminal, so a notice can clear it and draw it again.
    private let drawn = Mutex<String?>(nil)

    init(runId: String, operation: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.runId = runId
        self.operation = operation
        interval = Double(environment["MUSECARD_PROGRESS_SECONDS"] ?? "").flatMap { $0 > 0 ? $0 : nil } ?? 5
    }

    func start(_ progress: BatchProgress, pacer: BatchPacer) {
        let started = ContinuousClock.now
        let initial = progress.finishedByThisProcess
        task.withLock {
            $0 = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(self.isTerminal ? 0.25 : self.interval))
                    if Task.isCancelled { break }
                    let window = await pacer.window
                    self.draw(self.line(progress, elapsed: ContinuousClock.now - started, initial: initial, window: window))
                }
            }
        }
    }

    func stop() {
        task.withLock { $0?.cancel(); $0 = nil }
        if isTerminal, drawn.withLock({ $0 }) != nil { write("\r\u{1B}[2K") }
        drawn.withLock { $0 = nil }
    }

    /// A message of the pacer (a 429, a pause), on its own line.
    func notice(_ text: String) {
        let current = drawn.withLock { $0 }
        if isTerminal, current != nil { write("\r\u{1B}[2K") }
        write("musecard: \(text)\n")
        if isTerminal, let current { write(current) }
    }

    func line(_ progress: BatchProgress, elapsed: Duration, initial: Int, window: Int) -> String {
        let counts = progress.snapshot
        let seconds = max(0.001, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        let rate = Double(progress.finishedByThisProcess - initial) / seconds
        let remaining = counts.total - counts.finished
        let eta = rate > 0 ? Self.duration(Double(remaining) / rate) : "?"
        return "\(operation) \(runId): \(counts.finished)/\(counts.total) done · applied \(counts[.applied]) · refused \(counts[.refused])" +
            " · unknown \(counts[.unknown]) · in flight \(counts[.sending]) · \(String(format: "%.0f", rate))/s · ETA \(eta) · window \(window)"
    }

    private func draw(_ text: String) {
        if isTerminal {
            drawn.withLock { $0 = text }
            write("\r\u{1B}[2K" + text)
        } else {
            write("musecard: " + text + "\n")
        }
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 3600 ? "\(whole / 3600) h \(whole % 3600 / 60) min" : whole >= 60 ? "\(whole / 60) min \(whole % 60) s" : "\(whole) s"
    }
}
