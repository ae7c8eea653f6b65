import Foundation
import MuseCardKit

/// One good line of a batch input file.
public struct BatchInputLine: Sendable, Equatable {
    /// 1-based, the CSV header counts.
    public var line: Int
    public var userId: String
    public var cardId: String
    public var reason: String?
    public var note: String?
}

/// A line that cannot be sent, and why.
public struct BatchBadLine: Sendable, Equatable {
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }
}

/// What one pass over the input found.
public struct BatchScan: Sendable, Equatable {
    /// Good lines.
    public var count = 0
    /// Bad lines, the first `BatchInput.maxBadLinesKept` of them.
    public var badLines: [BatchBadLine] = []
    public var badCount = 0
    /// SHA-256 of the file's bytes, hex: the same file gives the same run.
    public var digest = ""

    /// Counts a bad line, keeping the first `BatchInput.maxBadLinesKept` of them.
    mutating func bad(_ line: Int, _ reason: String) {
        badCount += 1
        if badLines.count < BatchInput.maxBadLinesKept { badLines.append(BatchBadLine(line: line, reason: reason)) }
    }
}

/// Reads a batch file, CSV with a header or JSON Lines (`user_id`, `card_id`, optional `reason`,
/// `note`), streaming: memory does not grow with the file.
public struct BatchInput: Sendable {
    public static let maxBadLinesKept = 10_000
    public let path: String
    /// Lock reasons are checked per line (with the run's note as the default note).
    public let operation: OperationName
    public let defaultNote: String?

    public init(path: String, operation: OperationName, defaultNote: String?) {
        self.path = path
        self.operation = operation
        self.defaultNote = defaultNote
    }

    /// Reads the whole file once, giving each good line to `each` in order.
    public func scan(_ each: (BatchInputLine) throws -> Void = { _ in }) throws(MusePayError) -> BatchScan {
        var scan = BatchScan()
        let file = try RecordFile(path: path, field: "--file", columns: ["user_id", "card_id"], example: "user_id,card_id,reason,note")
        while let record = try file.next() {
            guard case .record(let number, let fields) = record else {
                if case .bad(let number, let reason) = record { scan.bad(number, reason) }
                continue
            }
            let parsed: BatchInputLine
            do throws(MusePayError) {
                var line = BatchInputLine(line: number, userId: fields["user_id"] ?? "", cardId: fields["card_id"] ?? "",
                                          reason: fields["reason"], note: fields["note"])
                try check(&line)
                parsed = line
            } catch { scan.bad(number, error.description); continue }
            scan.count += 1
            do { try each(parsed) } catch let error as MusePayError { throw error } catch {
                throw .validation(field: "--file", reason: "cannot be read: \(error)")
            }
        }
        scan.digest = file.digest()
        return scan
    }

    /// Ids as the service takes them; a lock reason (with its note) that `LockReason` accepts.
    private func check(_ line: inout BatchInputLine) throws(MusePayError) {
        try FieldRules.id(line.userId, field: "user_id")
        try FieldRules.id(line.cardId, field: "card_id")
        guard operation == .lock else { return }
        if let reason = line.reason { _ = try LockReason(parsing: reason, note: line.note ?? defaultNote) }
        else if let note = line.note { try FieldRules.printable(note, field: "note", max: LockReason.maxNoteLength) }
    }
}
