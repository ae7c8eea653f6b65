import Foundation
import Yams

/// Reads `config.yaml` node by node so every error can name its line.
struct ConfigParser {
    let file: String

    static let topKeys: Set<String> = ["default", "profiles", "keys", "clipboard", "mouse", "aliases"]
    static let profileKeys: Set<String> = [
        "base_url", "partner_id", "private_key", "platform_public_key", "operator", "theme", "read_only", "summary_dir",
        "refresh_seconds", "require_ticket", "store",
    ]

    func parse(_ text: String) throws(ConfigError) -> MuseCardConfig {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw yamlError(error) }
        guard let root else { return MuseCardConfig() }
        let top = try mapping(root, what: "the configuration")
        var config = MuseCardConfig()
        for (keyNode, value) in top {
            let key = try scalar(keyNode, what: "a key")
            switch key {
            case "default": config.defaultProfile = try scalar(value, what: "default")
            case "profiles":
                for (nameNode, body) in try mapping(value, what: "profiles") {
                    let name = try scalar(nameNode, what: "a profile name")
                    config.profiles[name] = try profile(name, body)
                }
            case "keys": config.keyBindings = try keys(value)
            case "clipboard": config.clipboard = try clipboard(value)
            case "aliases":
                for (nameNode, command) in try mapping(value, what: "aliases") {
                    let name = try scalar(nameNode, what: "an alias name")
                    guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                        throw error(nameNode, "alias names are letters, digits, - and _ (\"\(name)\")")
                    }
                    config.aliases[name] = try scalar(command, what: "the command of alias \(name)")
                }
            case "mouse":
                guard let flag = value.bool else { throw error(value, "mouse must be true or false") }
                config.mouse = flag
            default:
                throw error(keyNode, "unknown key \"\(key)\" (expected one of: \(Self.topKeys.sorted().joined(separator: ", ")))")
            }
        }
        if let chosen = config.defaultProfile, config.profiles[chosen] == nil {
            let line = top.first { $0.key.string == "default" }?.value
            throw error(line, "default profile \"\(chosen)\" is not under profiles")
        }
        return config
    }

    private func profile(_ name: String, _ node: Node) throws(ConfigError) -> ProfileSettings {
        var settings = ProfileSettings(name: name)
        for (keyNode, value) in try mapping(node, what: "profile \(name)") {
            let key = try scalar(keyNode, what: "a key")
            switch key {
            case "base_url":
                let text = try scalar(value, what: key)
                guard let url = URL(string: text), url.scheme != nil, url.host != nil else { throw error(value, "base_url \"\(text)\" is not a URL") }
                settings.baseURL = text
            case "partner_id": settings.partnerId = try scalar(value, what: key)
            case "private_key": settings.privateKeyPath = Self.expandTilde(try scalar(value, what: key))
            case "platform_public_key": settings.platformPublicKeyPath = Self.expandTilde(try scalar(value, what: key))
            case "operator": settings.operatorName = try scalar(value, what: key)
            case "theme": settings.theme = try scalar(value, what: key)
            case "summary_dir": settings.summaryDir = Self.expandTilde(try scalar(value, what: key))
            case "refresh_seconds":
                guard let text = value.scalar?.string, let seconds = Int(text), (0...86_400).contains(seconds) else {
                    throw error(value, "refresh_seconds must be a whole number of seconds from 0 (off) to 86400")
                }
                settings.refreshSeconds = seconds
            case "require_ticket":
                guard let flag = value.bool else { throw error(value, "require_ticket must be true or false") }
                settings.requireTicket = flag
            case "read_only":
                guard let flag = value.bool else { throw error(value, "read_only must be true or false") }
                settings.readOnly = flag
            case "store": settings.store = try store(value)
            default:
                throw error(keyNode, "unknown key \"\(key)\" in profile \(name) (expected one of: \(Self.profileKeys.sorted().joined(separator: ", ")))")
            }
        }
        return settings
    }

    /// `osc52`, `off`, or `{command: [program, argument…]}`.
    private func clipboard(_ node: Node) throws(ConfigError) -> ClipboardSetting {
        if let text = node.scalar?.string {
            switch text {
            case "osc52": return .osc52
            case "off": return .off
            default: throw error(node, "clipboard must be osc52, off or {command: [program, …]}, not \"\(text)\"")
            }
        }
        let entries = try mapping(node, what: "clipboard")
        guard entries.count == 1, let entry = entries.first, entry.key.string == "command", let list = entry.value.sequence, !list.isEmpty else {
            throw error(node, "clipboard must be osc52, off or {command: [program, …]}")
        }
        var words: [String] = []
        for item in list { words.append(try scalar(item, what: "a word of clipboard.command")) }
        return .command(words)
    }

    /// `action: key` or `action: [key, key]`.
    private func keys(_ node: Node) throws(ConfigError) -> [String: [String]] {
        var bindings: [String: [String]] = [:]
        for (actionNode, value) in try mapping(node, what: "keys") {
            let action = try scalar(actionNode, what: "an action name")
            if let list = value.sequence {
                var names: [String] = []
                for item in list { names.append(try scalar(item, what: "a key name for \(action)")) }
                guard !names.isEmpty else { throw error(value, "keys for \(action) is an empty list") }
                bindings[action] = names
            } else {
                bindings[action] = [try scalar(value, what: "a key name for \(action)")]
            }
        }
        return bindings
    }

    func mapping(_ node: Node, what: String) throws(ConfigError) -> [(key: Node, value: Node)] {
        guard let map = node.mapping else { throw error(node, "\(what) must be a mapping of keys to values") }
        return map.map { ($0.key, $0.value) }
    }

    func scalar(_ node: Node, what: String) throws(ConfigError) -> String {
        guard let text = node.scalar?.string, !text.isEmpty else { throw error(node, "\(what) must be a non-empty text value") }
        return text
    }

    func error(_ node: Node?, _ message: String) -> ConfigError {
        ConfigError(file: file, line: node?.mark?.line, message: message)
    }

    private func yamlError(_ error: any Error) -> ConfigError {
        guard let yaml = error as? YamlError else { return ConfigError(file: file, line: nil, message: "\(error)") }
        switch yaml {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ConfigError(file: file, line: mark.line, message: "not valid YAML: \(problem)")
        default:
            return ConfigError(file: file, line: nil, message: "not valid YAML: \(yaml)")
        }
    }

    static func expandTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return MuseCardPaths.homeFolder(ProcessInfo.processInfo.environment).path + path.dropFirst()
    }
}
