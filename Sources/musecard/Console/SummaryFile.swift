import Foundation

/// Writes the session summary as Markdown to `--summary-file`, or a new file in `summary_dir`.
enum SummaryFile {
    static func write(_ text: String, file: String?, folder: String?, now: Date = Date()) {
        let target: String
        if let file {
            target = file
        } else if let folder {
            let stamp = now.formatted(.iso8601.year().month().day().dateSeparator(.omitted).time(includingFractionalSeconds: false)
                .timeSeparator(.omitted).timeZone(separator: .omitted))
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            target = (folder as NSString).appendingPathComponent("musecard-session-\(stamp).md")
        } else {
            return
        }
        let created = FileManager.default.createFile(atPath: target, contents: Data((text + "\n").utf8), attributes: [.posixPermissions: 0o600])
        if created {
            StandardError.print("musecard: summary written to \(target)")
        } else {
            StandardError.print("musecard: could not write the summary to \(target)")
        }
    }
}
