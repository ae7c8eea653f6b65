import Foundation
import Synchronization

/// A line of progress on standard error: on a terminal one line redrawn in place four times a
/// second; otherwise a line every few seconds (`MUSECARD_PROGRESS_SECONDS`, default 5), so a log
/// is not flooded. Notices get lines of their own.
final class ProgressLine: Sendable {
    let isTerminal = isatty(STDERR_FILENO) == 1
    let interval: Double
    private let task = Mutex<Task<Void, Never>?>(nil)
    /// The last text drawn on a terminal, so a notice can clear it and draw it again.
    private let drawn = Mutex<String?>(nil)

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        interval = Double(environment["MUSECARD_PROGRESS_SECONDS"] ?? "").flatMap { $0 > 0 ? $0 : nil } ?? 5
    }

    /// Draws `text()` until `stop()`; `elapsed` is the time since the start.
    func start(_ text: @escaping @Sendable (_ elapsed: Duration) async -> String) {
        let started = ContinuousClock.now
        task.withLock {
            $0 = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(self.isTerminal ? 0.25 : self.interval))
                    if Task.isCancelled { break }
                    self.draw(await text(ContinuousClock.now - started))
                }
            }
        }
    }

    /// Stops drawing and clears the line on a terminal.
    func stop() {
        task.withLock { $0?.cancel(); $0 = nil }
        if isTerminal, drawn.withLock({ $0 }) != nil { write("\r\u{1B}[2K") }
        drawn.withLock { $0 = nil }
    }

    /// A message on its own line, the progress drawn again under it.
    func notice(_ text: String) {
        let current = drawn.withLock { $0 }
        if isTerminal, current != nil { write("\r\u{1B}[2K") }
        write("musecard: \(text)\n")
        if isTerminal, let current { write(current) }
    }

    private func draw(_ text: String) {
        if isTerminal {
            // Cut to the terminal's width: a wrapped line would leave its first part behind when redrawn.
            let fitted = Self.width().map { String(text.prefix(max(1, $0 - 1))) } ?? text
            drawn.withLock { $0 = fitted }
            write("\r\u{1B}[2K" + fitted)
        } else {
            write("musecard: " + text + "\n")
        }
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    /// The width of the terminal standard error is, asked each time (it may be resized).
    private static func width() -> Int? {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Seconds of a duration, as a number.
    static func seconds(_ duration: Duration) -> Double {
        max(0.001, Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    /// `42 s`, `3 min 5 s`, `1 h 2 min`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 3600 ? "\(whole / 3600) h \(whole % 3600 / 60) min" : whole >= 60 ? "\(whole / 60) min \(whole % 60) s" : "\(whole) s"
    }
}
