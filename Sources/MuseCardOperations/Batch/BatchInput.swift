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

    /// A bad line with its number and why.
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }
}

/// A card id on more than one good line: a run refuses the file rather than act on a card twice.
public struct BatchDuplicate: Sendable, Equatable {
    public var cardId: String
    /// Every line naming the card, in file order.
    public var lines: [Int]
}

/// What one pass over the input found.
public struct BatchScan: Sendable, Equatable {
    /// Good lines.
    public var count = 0
    /// Bad lines, the first `BatchInput.maxBadLinesKept` of them.
    public var badLines: [BatchBadLine] = []
    public var badCount = 0
    /// Card ids named on more than one good line, by first line; the first `BatchInput.maxBadLinesKept` of them.
    public var duplicates: [BatchDuplicate] = []
    public var duplicateCount = 0
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

    /// Reads the whole file, giving each good line to `each` in order, and finds repeated card ids.
    public func scan(_ each: (BatchInputLine) throws -> Void = { _ in }) throws(MusePayError) -> BatchScan {
        // Eight bytes a line, not the ids themselves: a second pass names the lines only when two collide.
        var fingerprints: [UInt64] = []
        var scan = try read { line in
            fingerprints.append(Self.fingerprint(line.cardId))
            try each(line)
        }
        (scan.duplicates, scan.duplicateCount) = try duplicates(among: &fingerprints)
        return scan
    }

    /// The card ids on more than one line, with their line numbers (a second pass, only when fingerprints repeat).
    private func duplicates(among fingerprints: inout [UInt64]) throws(MusePayError) -> ([BatchDuplicate], Int) {
        fingerprints.sort()
        var repeated: Set<UInt64> = []
        for index in fingerprints.indices.dropFirst() where fingerprints[index] == fingerprints[index - 1] {
            repeated.insert(fingerprints[index])
        }
        fingerprints = []
        guard !repeated.isEmpty else { return ([], 0) }
        var lines: [String: [Int]] = [:]
        _ = try read { line in
            if repeated.contains(Self.fingerprint(line.cardId)) { lines[line.cardId, default: []].append(line.line) }
        }
        let found = lines.filter { $0.value.count > 1 }.map { BatchDuplicate(cardId: $0.key, lines: $0.value) }
            .sorted { $0.lines[0] < $1.lines[0] }
        return (Array(found.prefix(Self.maxBadLinesKept)), found.count)
    }

    /// FNV-1a over the id's bytes.
    static func fingerprint(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// One pass over the file: good lines to `each`, bad lines counted and kept.
    private func read(_ each: (BatchInputLine) throws -> Void) throws(MusePayError) -> BatchScan {
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
