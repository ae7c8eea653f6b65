import Foundation

/// The audit trail: an append-only JSON Lines file, 0600 in a 0700 folder, each line fsynced before `append` returns.
public final class AuditLog: AuditSink, @unchecked Sendable {
    /// The file.
    public let path: String
    private let descriptor: Int32
    // Guards `waiting` and `flushing`; only `queue` writes to `descriptor`, so lines never interleave.
    private let lock = NSLock()
    private let queue = DispatchQueue(label: "musecard.audit")
    private var waiting: [(bytes: [UInt8], continuation: CheckedContinuation<Void, any Error>)] = []
    private var flushing = false

    /// Opens the file for appending, creating it and its folder with private permissions.
    public init(path: String) throws {
        self.path = path
        try PrivateFiles.folder(URL(fileURLWithPath: path).deletingLastPathComponent())
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreFileError(path: path, message: "cannot open the audit trail: \(Self.reason())") }
        guard fchmod(fd, 0o600) == 0 else {
            close(fd)
            throw StoreFileError(path: path, message: "cannot set permissions: \(Self.reason())")
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Appends one line and returns once it is fsynced. Lines appended at the same time are
    /// written together (one `write`, atomic for `O_APPEND` between processes, and one `fsync`)
    /// on a queue of their own, so a batch does not pay one fsync per line nor block Swift's
    /// cooperative threads while the disk works.
    public func append(_ entry: AuditEntry) async throws {
        let bytes = Array((AuditCoding.line(entry) + "\n").utf8)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let start = lock.withLock {
                waiting.append((bytes, continuation))
                defer { flushing = true }
                return !flushing
            }
            if start { queue.async { self.flush() } }
        }
    }

    /// How long the writer waits for more lines after writing several at once.
    static let linger: useconds_t = 400

    /// Writes and fsyncs what is waiting, until nothing is; runs on `queue` only.
    private func flush() {
        var shared = false
        while true {
            // Several lines at once means callers in flight (a batch): a moment's wait lets more of
            // them join the next fsync, which costs CPU per call, not per line. One caller at a
            // time (the console) never waits.
            if shared { usleep(Self.linger) }
            let batch = lock.withLock {
                let taken = waiting
                waiting = []
                if taken.isEmpty { flushing = false }
                return taken
            }
            if batch.isEmpty { return }
            shared = batch.count > 1
            let result = Result { try writeAndSync(batch.flatMap(\.bytes)) }
            for (_, continuation) in batch { continuation.resume(with: result) }
        }
    }

    private func writeAndSync(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw StoreFileError(path: path, message: "cannot write the audit trail: \(Self.reason())")
            }
            offset += written
        }
        guard fsync(descriptor) == 0 else {
            throw StoreFileError(path: path, message: "cannot flush the audit trail: \(Self.reason())")
        }
    }

    /// This trail's entries passing the filter, oldest first; bad lines are skipped.
    public func entries(matching filter: AuditFilter) async throws -> [AuditEntry] {
        try Self.read(path: path, filter: filter)
    }

    /// Entries of the file passing the filter, oldest first; bad lines are skipped (see `scan` to learn about them).
    public static func read(path: String, filter: AuditFilter) throws -> [AuditEntry] {
        try scan(path: path, filter: filter).entries
    }

    /// Entries passing the filter and the lines that could not be read; a missing file is empty.
    public static func scan(path: String, filter: AuditFilter) throws -> AuditScan {
        guard FileManager.default.fileExists(atPath: path) else { return AuditScan(entries: [], badLines: []) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw StoreFileError(path: path, message: "cannot read the audit trail: \(error.localizedDescription)")
        }
        var scan = AuditScan(entries: [], badLines: [])
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { continue }
            do {
                let entry = try AuditCoding.entry(line)
                if filter.matches(entry) { scan.entries.append(entry) }
            } catch {
                scan.badLines.append(AuditBadLine(line: index + 1, reason: error.description))
            }
        }
        return scan
    }

    static func reason() -> String { String(cString: strerror(errno)) }
}

/// What reading the audit trail found: the matching entries and the unreadable lines.
public struct AuditScan: Sendable, Equatable {
    /// Entries passing the filter, in file order.
    public var entries: [AuditEntry]
    /// Lines that are not audit entries, with their 1-based numbers.
    public var badLines: [AuditBadLine]
}

/// A line of the audit trail that could not be read.
public struct AuditBadLine: Sendable, Equatable {
    /// 1-based line number.
    public var line: Int
    /// Why it could not be read.
    public var reason: String
}

extension AuditLog {
    /// The JSON Lines text of one entry, exactly as `append` writes it (without the newline).
    public static func line(_ entry: AuditEntry) -> String { AuditCoding.line(entry) }
}
