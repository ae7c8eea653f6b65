import Foundation

/// Where MuseCard keeps its files, following the XDG base directories.
public struct MuseCardPaths: Sendable, Equatable {
    /// `$XDG_CONFIG_HOME/musecard/config.yaml`.
    public var configFile: URL
    /// `$XDG_CACHE_HOME/musecard`.
    public var cacheFolder: URL
    /// `$XDG_CACHE_HOME/musecard/cache.sqlite`.
    public var cacheFile: URL
    /// `$XDG_STATE_HOME/musecard`.
    public var stateFolder: URL
    /// `$XDG_STATE_HOME/musecard/audit.jsonl`.
    public var auditFile: URL
    /// `$XDG_STATE_HOME/musecard/journal.sqlite`: pending apply/replace requests, never moved aside.
    public var journalFile: URL
    /// `$XDG_STATE_HOME/musecard/batches.sqlite`: the journal of every batch run, line by line.
    public var batchFile: URL { stateFolder.appendingPathComponent("batches.sqlite") }
    /// `$XDG_STATE_HOME/musecard/musecard.log`.
    public var logFile: URL
    /// `$XDG_CONFIG_HOME/musecard/themes`.
    public var userThemesFolder: URL

    /// The paths from `XDG_CONFIG_HOME`, `XDG_CACHE_HOME`, `XDG_STATE_HOME`, falling back to `~/.config`, `~/.cache`, `~/.local/state`.
    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> MuseCardPaths {
        let home = homeFolder(environment)
        // The XDG spec says relative values are invalid and must be ignored.
        func base(_ name: String, _ fallback: String) -> URL {
            if let value = environment[name], value.hasPrefix("/") { return URL(fileURLWithPath: value, isDirectory: true) }
            return home.appendingPathComponent(fallback, isDirectory: true)
        }
        let config = base("XDG_CONFIG_HOME", ".config").appendingPathComponent("musecard", isDirectory: true)
        let cache = base("XDG_CACHE_HOME", ".cache").appendingPathComponent("musecard", isDirectory: true)
        let state = base("XDG_STATE_HOME", ".local/state").appendingPathComponent("musecard", isDirectory: true)
        return MuseCardPaths(
            configFile: config.appendingPathComponent("config.yaml"),
            cacheFolder: cache,
            cacheFile: cache.appendingPathComponent("cache.sqlite"),
            stateFolder: state,
            auditFile: state.appendingPathComponent("audit.jsonl"),
            journalFile: state.appendingPathComponent("journal.sqlite"),
            logFile: state.appendingPathComponent("musecard.log"),
            userThemesFolder: config.appendingPathComponent("themes", isDirectory: true)
        )
    }

    /// `$HOME`, else the password database's home, else the current folder.
    static func homeFolder(_ environment: [String: String]) -> URL {
        if let home = environment["HOME"], !home.isEmpty { return URL(fileURLWithPath: home, isDirectory: true) }
        if let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir { return URL(fileURLWithPath: String(cString: dir), isDirectory: true) }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    }
}
