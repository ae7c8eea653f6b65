import Crypto
import Foundation
import MuseCardKit
import MuseCardStore

/// Turns a checked input file into a run in the batch journal: the same file, operation and
/// profile always give the same run id, so running the same command again resumes it.
public enum BatchPlan {
    /// Lines written to the journal per transaction.
    static let chunk = 2_000

    /// `run-` and 12 hex digits of SHA-256 over the operation, the profile and the file's digest.
    public static func runId(operation: OperationName, profile: String, digest: String) -> String {
        let hash = SHA256.hash(data: Data("\(operation.rawValue)\n\(profile)\n\(digest)".utf8))
        return "run-" + hash.prefix(6).map { String(format: "%02x", $0) }.joined()
    }

    /// The run for `input` (already scanned into `scan`): made, or completed if a previous
    /// process stopped while writing its lines; an existing run is returned as it is.
    public static func prepare(_ record: BatchRunRecord, input: BatchInput, scan: BatchScan, journal: BatchJournal) throws -> BatchRunRecord {
        if let existing = try journal.run(record.runId), try journal.counts(of: record.runId).total >= existing.total {
            return existing
        }
        if try journal.run(record.runId) == nil { try journal.create(record) }
        var pending: [BatchLine] = []
        pending.reserveCapacity(chunk)
        let again = try input.scan { line in
            pending.append(BatchLine(line: line.line, userId: line.userId, cardId: line.cardId, reason: line.reason, note: line.note))
            if pending.count >= chunk {
                try journal.add(pending, to: record.runId)
                pending.removeAll(keepingCapacity: true)
            }
        }
        try journal.add(pending, to: record.runId)
        guard again.digest == scan.digest else {
            throw MusePayError.validation(field: "--file", reason: "changed while it was being read; run the command again")
        }
        return try journal.run(record.runId) ?? record
    }
}
