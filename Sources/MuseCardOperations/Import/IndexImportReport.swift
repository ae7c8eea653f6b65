import MuseCardStore

/// What an index import found in its file and did to the index.
public struct IndexImportReport: Sendable, Equatable {
    /// Lines that were records (a CSV header, blank lines and `#` comments do not count).
    public var lines = 0
    /// Good lines whose card is not repeated in the file: what is (or in a dry run would be) imported.
    public var good = 0
    /// Lines naming a card an earlier line of the file already named; skipped.
    public var duplicates = 0
    /// Rejected lines with their numbers and why, the first `BatchInput.maxBadLinesKept` of them.
    public var rejected: [BatchBadLine] = []
    /// All rejected lines.
    public var rejectedCount = 0
    /// What the index did with the good lines (zero in a dry run).
    public var count = ImportCount()
    /// Batches committed, each in one transaction.
    public var batches = 0
    /// The number of the last line whose batch was committed (0 before the first).
    public var committedThrough = 0

    /// An empty report, before the first line.
    public init() {}

    mutating func reject(_ line: Int, _ reason: String) {
        rejectedCount += 1
        if rejected.count < BatchInput.maxBadLinesKept { rejected.append(BatchBadLine(line: line, reason: reason)) }
    }
}

/// A batch the index could not take: everything before it was committed, nothing of it was.
public struct IndexImportFailure: Error, Sendable, CustomStringConvertible {
    /// The report up to the batch that failed.
    public var report: IndexImportReport
    /// The first and last line numbers of the batch that was not imported.
    public var lines: ClosedRange<Int>
    /// What the store said.
    public var reason: String

    /// `lines 5–7 were not imported: …`.
    public var description: String { "lines \(lines.lowerBound)–\(lines.upperBound) were not imported: \(reason)" }
}
