import Foundation
import MuseCardKit
import MuseCardStore

/// The end-of-run table and a run's one-line description.
enum BatchSummary {
    static func table(_ counts: BatchCounts) -> String {
        let rows: [[String]] = [
            ["applied", "\(counts[.applied])"], ["refused", "\(counts[.refused])"],
            ["unknown", "\(counts[.unknown] + counts[.sending])"], ["not sent yet", "\(counts[.pending])"],
            ["total", "\(counts.total)"],
        ]
        return TextTable.render(header: ["OUTCOME", "LINES"], rows: rows)
    }

    static func describe(_ run: BatchRunRecord) -> String {
        let s = ServiceText.sanitize
        return "Run \(run.runId): \(run.operation) \(run.total) cards from \(s(run.source)), reason \(s(run.reason ?? "none")), " +
            "ticket \(s(run.ticket ?? "none")), profile \(s(run.profile)), started \(run.createdAt.formatted(.iso8601))" +
            (run.finishedAt.map { ", finished \($0.formatted(.iso8601))" } ?? ", not finished")
    }
}
