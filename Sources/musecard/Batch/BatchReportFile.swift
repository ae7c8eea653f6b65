import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore

/// The report of a run, one row per line, streamed from the batch journal (CSV or JSON Lines).
enum BatchReportFile {
    enum Format {
        case csv, jsonLines

        /// By the file's extension; nil for anything else.
        init?(path: String) {
            switch URL(fileURLWithPath: path).pathExtension.lowercased() {
            case "csv": self = .csv
            case "jsonl", "ndjson": self = .jsonLines
            default: return nil
            }
        }
    }

    static let columns = ["line", "user_id", "card_id", "outcome", "status_before", "status_after", "operation_id", "error"]

    /// Writes the report (0600), a page of lines at a time.
    static func write(path: String, journal: BatchJournal, runId: String) throws {
        guard let format = Format(path: path) else { throw MusePayError.validation(field: "--report", reason: "must end in .csv or .jsonl") }
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw MusePayError.configuration("cannot create \(path)")
        }
        defer { try? handle.close() }
        if format == .csv { handle.write(Data((columns.joined(separator: ",") + "\n").utf8)) }
        var cursor = 0
        while true {
            let page = try journal.lines(of: runId, after: cursor, limit: 1_000)
            guard let last = page.last else { break }
            cursor = last.line
            var text = ""
            for line in page { text += (format == .csv ? csv(line) : json(line)) + "\n" }
            handle.write(Data(text.utf8))
        }
    }

    static func values(_ line: BatchLine) -> [String?] {
        [String(line.line), line.userId, line.cardId, outcome(line.state), line.statusBefore, line.statusAfter, line.operationId,
         line.error.map { ServiceText.message($0) }]
    }

    static func outcome(_ state: BatchLineState) -> String {
        switch state {
        case .applied, .refused, .unknown: return state.rawValue
        case .sending: return "unknown"
        case .pending: return "not-sent"
        }
    }

    static func csv(_ line: BatchLine) -> String {
        values(line).map { CSVFields.quote($0 ?? "") }.joined(separator: ",")
    }

    static func json(_ line: BatchLine) -> String {
        var builder = JSONObjectBuilder()
        for (name, value) in zip(columns, values(line)) {
            if name == "line" { builder.set(name, json: .number(String(line.line))) } else { builder.set(name, value) }
        }
        return builder.object.jsonText()
    }
}
