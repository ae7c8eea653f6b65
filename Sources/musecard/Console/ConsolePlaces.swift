import Foundation

/// Where the console keeps its log while the screen is up: `$XDG_STATE_HOME/musecard/`
/// (or `~/.local/state/musecard/`), created owner-only.
struct ConsolePlaces: Sendable {
    var stateFolder: String

    /// The console log file (0600), or nil when the state folder cannot be made.
    var logFile: String? {
        let path = stateFolder + "/console.log"
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else { return nil }
        }
        return path
    }

    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ConsolePlaces {
        let base: String
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            base = state
        } else {
            base = (environment["HOME"] ?? NSTemporaryDirectory()) + "/.local/state"
        }
        let folder = base + "/musecard"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        return ConsolePlaces(stateFolder: folder)
    }
}
