import Foundation
import Logging
import Synchronization

/// Where logs go: standard error for command-line calls (warnings only unless
/// `MUSECARD_LOG_LEVEL` says otherwise), a file for the console so nothing touches the screen.
enum LogSetup {
    private static let done = Mutex(false)

    /// Logs to standard error; call once, before the first logger is made.
    static func commandLine(environment: [String: String] = ProcessInfo.processInfo.environment) {
        bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level(environment) ?? .warning
            return handler
        }
    }

    /// Logs to `path` (created 0600); nothing goes to the terminal.
    static func file(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard fd >= 0 else {
            bootstrap { _ in SwiftLogNoOpLogHandler() }
            return
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        let stream = FileLogStream(handle: handle)
        bootstrap { label in
            var handler = StreamLogHandler(label: label, stream: stream)
            handler.logLevel = level(environment) ?? .info
            return handler
        }
    }

    private static func level(_ environment: [String: String]) -> Logger.Level? {
        environment["MUSECARD_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) }
    }

    private static func bootstrap(_ factory: @escaping @Sendable (String) -> any LogHandler) {
        let first = done.withLock { value -> Bool in
            defer { value = true }
            return !value
        }
        if first { LoggingSystem.bootstrap(factory) }
    }
}

/// A log stream that appends to an open file.
struct FileLogStream: TextOutputStream, @unchecked Sendable {
    // FileHandle writes are atomic per call; StreamLogHandler serialises its own writes.
    let handle: FileHandle

    mutating func write(_ string: String) {
        handle.write(Data(string.utf8))
    }
}
