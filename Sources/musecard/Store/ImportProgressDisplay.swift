import Foundation
import MuseCardOperations

/// Shows a running index import on standard error (see `ProgressLine`): a bar on a terminal, a plain line in a log.
final class ImportProgressDisplay: Sendable {
    let file: String
    private let output = ProgressLine()

    init(file: String) { self.file = file }

    func start(_ progress: IndexImportProgress) {
        let isTerminal = output.isTerminal
        output.start { elapsed in Self.line(progress.snapshot, elapsed: elapsed, bar: isTerminal) }
    }

    func stop() { output.stop() }

    /// `[#########...........] 45% · 450000 lines · 445000 imported · 3 rejected · 150000 lines/s`.
    static func line(_ now: IndexImportProgress.Snapshot, elapsed: Duration, bar: Bool) -> String {
        let percent = Int((now.fraction * 100).rounded(.down))
        let width = 24
        let filled = Int((now.fraction * Double(width)).rounded(.down))
        let head = bar ? "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] " : "import: "
        let rate = Double(now.lines) / ProgressLine.seconds(elapsed)
        return head + "\(percent)% · \(now.lines) lines · \(now.imported) imported · \(now.rejected) rejected · " +
            "\(now.duplicates) repeated · \(String(format: "%.0f", rate)) lines/s"
    }
}
