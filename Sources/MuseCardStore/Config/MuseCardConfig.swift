import Foundation

/// The configuration file: named profiles, the default profile and key remappings.
public struct MuseCardConfig: Sendable, Equatable {
    /// Profiles by name.
    public var profiles: [String: ProfileSettings]
    /// The profile used when none is picked.
    public var defaultProfile: String?
    /// Action name → key names, e.g. `lock: ["l", "ctrl-l"]`.
    public var keyBindings: [String: [String]]
    /// Where the console copies to.
    public var clipboard: ClipboardSetting = .osc52
    /// Whether the console takes the mouse (clicks select, the wheel scrolls); off leaves the terminal's selection alone.
    public var mouse = true
    /// Command line aliases: `:NAME` runs the command it stands for, e.g. `fraud: "lock"`.
    public var aliases: [String: String] = [:]

    /// A configuration with the given values; empty by default.
    public init(profiles: [String: ProfileSettings] = [:], defaultProfile: String? = nil, keyBindings: [String: [String]] = [:]) {
        self.profiles = profiles
        self.defaultProfile = defaultProfile
        self.keyBindings = keyBindings
    }

    /// Reads and checks the file; a missing file is an empty configuration.
    public static func load(path: String) throws(ConfigError) -> MuseCardConfig {
        guard FileManager.default.fileExists(atPath: path) else { return MuseCardConfig() }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ConfigError(file: path, line: nil, message: "cannot read the file: \(error.localizedDescription)")
        }
        return try ConfigParser(file: path).parse(text)
    }
}
