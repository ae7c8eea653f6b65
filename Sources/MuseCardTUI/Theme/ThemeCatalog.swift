import Foundation

/// Finds themes by name in the user's folder and the bundled `themes/` folder, and picks the
/// theme for a session from `--theme`, `--no-color` and `NO_COLOR`.
public struct ThemeCatalog: Sendable {
    /// Folders searched in order: the user's own first, so they can override bundled themes.
    public var folders: [String]

    public init(folders: [String]) { self.folders = folders }

    /// The usual folders: `$XDG_CONFIG_HOME/musecard/themes` (or `~/.config/…`), then
    /// `$MUSECARD_THEMES_DIR` or the `themes/` folder found above the running executable.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment,
                                executable: String = CommandLine.arguments.first ?? "") -> ThemeCatalog {
        var folders: [String] = []
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            folders.append(config + "/musecard/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            folders.append(home + "/.config/musecard/themes")
        }
        if let bundled = environment["MUSECARD_THEMES_DIR"], !bundled.isEmpty {
            folders.append(bundled)
        } else if let bundled = bundledFolder(executable: executable) {
            folders.append(bundled)
        }
        return ThemeCatalog(folders: folders)
    }

    /// The theme to use: monochrome when asked for no colour, else `name` (default `default`).
    public func select(name: String?, noColor: Bool,
                       environment: [String: String] = ProcessInfo.processInfo.environment) throws(ThemeError) -> Theme {
        if noColor || !(environment["NO_COLOR"] ?? "").isEmpty { return Theme.monochrome }
        return try theme(named: name ?? "default")
    }

    /// The theme called `name` (or at the path `name` when it ends in `.yaml`).
    public func theme(named name: String) throws(ThemeError) -> Theme {
        if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { return try ThemeLoader.load(path: name) }
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw ThemeError(file: "--theme", line: nil, message: "theme names are letters, digits, - and _, or a path ending in .yaml")
        }
        for folder in folders {
            let path = folder + "/" + name + ".yaml"
            if FileManager.default.fileExists(atPath: path) { return try ThemeLoader.load(path: path) }
        }
        switch name {
        case "default": return Theme.builtIn
        case "mono": return Theme.monochrome
        default:
            throw ThemeError(file: "--theme", line: nil, message: "no theme named \(name) (looked in \(folders.joined(separator: ", ")))")
        }
    }

    /// Names of every theme found, without duplicates, sorted.
    public func names() -> [String] {
        var found: Set<String> = ["default", "mono"]
        for folder in folders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for file in files where file.hasSuffix(".yaml") { found.insert(String(file.dropLast(5))) }
        }
        return found.sorted()
    }

    /// The nearest `themes/` folder above the executable (the repository checkout).
    static func bundledFolder(executable: String) -> String? {
        var url = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        while url.path != "/" && !url.path.isEmpty {
            let candidate = url.appendingPathComponent("themes")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("default.yaml").path) { return candidate.path }
            url.deleteLastPathComponent()
        }
        return nil
    }
}
