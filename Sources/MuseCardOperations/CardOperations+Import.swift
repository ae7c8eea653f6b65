import Foundation
import MuseCardKit
import MuseCardStore

/// Imports the partner's own list of which cards belong to whom into the index.
extension CardOperations {
    /// Rows per transaction: a failed batch leaves none of its rows behind.
    public static let importBatchSize = 5_000

    /// Reads `path` (CSV with a header or JSON Lines: `user_id`, `card_id`, optional `label`), rejects
    /// bad lines (listed with their numbers), skips repeated cards and imports the rest in batches of
    /// `batchSize`, each one transaction; `dryRun` only checks. Importing the same file twice adds nothing.
    /// Throws `MusePayError` when the file cannot be read, `IndexImportFailure` when a batch cannot be written.
    public func importCards(path: String, field: String = "FILE", dryRun: Bool = false, batchSize: Int = importBatchSize,
                            progress: IndexImportProgress = IndexImportProgress()) async throws -> IndexImportReport {
        let file = try RecordFile(path: path, field: field, columns: ["user_id", "card_id"], example: "user_id,card_id,label")
        let at = clock()
        var report = IndexImportReport()
        var seen = Set<ImportKey>()
        var batch: [CardImportRow] = []
        var batchLines = 0...0
        progress.update { $0.size = file.size }

        func commit() async throws {
            guard !batch.isEmpty else { return }
            if !dryRun, let cache {
                do { report.count = report.count + (try await cache.importCards(batch, at: at)) } catch {
                    throw IndexImportFailure(report: report, lines: batchLines, reason: "\(error)")
                }
                report.batches += 1
                report.committedThrough = batchLines.upperBound
            }
            let imported = report.count.added + report.count.known
            progress.update { $0.imported = imported }
            batch.removeAll(keepingCapacity: true)
        }

        while let record = try file.next() {
            switch record {
            case .bad(let number, let reason):
                report.lines += 1
                report.reject(number, reason)
            case .record(let number, let fields):
                report.lines += 1
                let row = CardImportRow(userId: fields["user_id"] ?? "", cardId: fields["card_id"] ?? "", label: fields["label"])
                do throws(MusePayError) { try Self.check(row) } catch {
                    report.reject(number, error.description)
                    break
                }
                guard seen.insert(ImportKey(row)).inserted else {
                    report.duplicates += 1
                    break
                }
                report.good += 1
                if batch.isEmpty { batchLines = number...number } else { batchLines = batchLines.lowerBound...number }
                batch.append(row)
                if batch.count >= max(1, batchSize) { try await commit() }
            }
            let counted = report
            progress.update {
                $0.bytesRead = file.bytesRead
                $0.lines = counted.lines
                $0.rejected = counted.rejectedCount
                $0.duplicates = counted.duplicates
            }
        }
        try await commit()
        return report
    }

    /// The id rule the service's ids follow, and a label a person can read.
    static func check(_ row: CardImportRow) throws(MusePayError) {
        try FieldRules.id(row.userId, field: "user_id")
        try FieldRules.id(row.cardId, field: "card_id")
        if let label = row.label { try FieldRules.printable(label, field: "label", max: CardImportRow.maxLabelLength) }
    }
}

/// A card's place in the file's set of seen cards: 128 bits of hash instead of the two strings,
/// so a million lines take megabytes, not a hundred (two different cards meet with odds of 1 in 2^100).
private struct ImportKey: Hashable {
    let high: Int
    let low: Int

    init(_ row: CardImportRow) {
        var first = Hasher()
        first.combine(1)
        first.combine(row.userId)
        first.combine(row.cardId)
        var second = Hasher()
        second.combine(2)
        second.combine(row.userId)
        second.combine(row.cardId)
        high = first.finalize()
        low = second.finalize()
    }
}
