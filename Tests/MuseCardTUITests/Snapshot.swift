import Foundation
import Testing

/// Compares text with a committed file under `__Snapshots__`; `MUSECARD_RECORD_SNAPSHOTS=1`
/// rewrites the files instead. A missing file fails, it never silently passes.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["MUSECARD_RECORD_SNAPSHOTS"] == "1" }

    /// Checks `text` against `__Snapshots__/<name>.txt`.
    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent(name + ".txt")
        if isRecording {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            do {
                try text.write(to: file, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("could not record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("missing snapshot \(file.path); run with MUSECARD_RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            Issue.record("snapshot \(name) differs:\n--- expected\n\(expected)--- actual\n\(text)", sourceLocation: sourceLocation)
        }
    }
}
