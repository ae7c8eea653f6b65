import Foundation
import MuseCardViewModel
import Synchronization

/// Copies with OSC 52, which the terminal (also over ssh, and tmux with `set-clipboard on`)
/// turns into its clipboard. The sequence is queued here and written by the terminal thread
/// between frames, so it never lands inside a half-drawn screen.
public final class OSC52Clipboard: Clipboard {
    private let pending = Mutex<[String]>([])

    public init() {}

    public func copy(_ text: String) async throws {
        let sequence = Self.sequence(for: text)
        pending.withLock { $0.append(sequence) }
    }

    /// `ESC ] 52 ; c ; base64 BEL`.
    public static func sequence(for text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }

    /// The sequences waiting to be written, oldest first; the queue is empty afterwards.
    func drain() -> [String] {
        pending.withLock { queue in
            defer { queue = [] }
            return queue
        }
    }
}
