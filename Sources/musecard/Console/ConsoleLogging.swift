import Foundation
import Logging
import Synchronization

/// Sends swift-log output to the console log file (or nowhere) while the screen is up, so no
/// log line is ever written over the ncurses frame.
enum ConsoleLogging {
    /// Bootstraps logging once for the process; without a file, logs are dropped.
    static func bootstrap(file: String?) {
        let handle = file.flatMap { FileHandle(forWritingAtPath: $0) }
        handle?.seekToEndOfFile()
        let sink = FileLogSink(handle: handle)
        LoggingSystem.bootstrap { label in
            guard handle != nil else { return SwiftLogNoOpLogHandler() }
            return FileLogHandler(label: label, sink: sink)
        }
    }
}

/// A shared, locked writer of log lines.
final class FileLogSink: Sendable {
    private let handle: Mutex<FileHandle?>

    init(handle: FileHandle?) { self.handle = Mutex(handle) }

    func write(_ line: String) {
        handle.withLock { $0?.write(Data((line + "\n").utf8)) }
    }
}

/// One line per message: time, level, label, message and metadata.
struct FileLogHandler: LogHandler {
    let label: String
    let sink: FileLogSink
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let extra = merged.isEmpty ? "" : " " + merged.map { "\($0)=\($1)" }.sorted().joined(separator: " ")
        sink.write("\(ISO8601DateFormatter().string(from: Date())) \(event.level) \(label): \(event.message)\(extra)")
    }
}
