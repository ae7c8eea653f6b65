import MuseCardKit

/// Where `y` puts a value: the terminal (OSC 52), a command such as `xclip`, or nowhere.
public protocol Clipboard: Sendable {
    /// Copies `text`; a thrown error's description says why in a few words.
    func copy(_ text: String) async throws
}

/// What `y` copies: a plain value, or the one-time link, which is never shown, logged or flashed.
public enum CopyValue: Sendable, Equatable {
    case plain(String)
    case secret(SecretURL)

    /// The text for the clipboard, and only for it.
    var clipboardText: String {
        switch self {
        case .plain(let text): return text
        case .secret(let url): return url.reveal()
        }
    }
}

/// Why nothing was copied.
public struct ClipboardError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }

    /// `clipboard: off` in config.
    public static let off = ClipboardError("copying is off (clipboard: off in config.yaml)")
}
