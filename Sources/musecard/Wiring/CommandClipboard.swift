import Foundation
import MuseCardViewModel

/// Copies by running a command (`xclip -selection clipboard`, `pbcopy`, `wl-copy`) with the
/// value on its standard input; waits for it without holding a thread of the shared pool.
struct CommandClipboard: Clipboard {
    let words: [String]

    func copy(_ text: String) async throws {
        guard let program = words.first else { throw ClipboardError("clipboard.command is empty") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = words
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: ClipboardError("cannot run \(program): \(error.localizedDescription)"))
                return
            }
            // A command that exits without reading must not kill the console with SIGPIPE.
            signal(SIGPIPE, SIG_IGN)
            // Small values: the pipe's buffer takes them whole.
            try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
            try? input.fileHandleForWriting.close()
        }
        guard status == 0 else { throw ClipboardError("\(program) exited with status \(status)") }
    }
}
