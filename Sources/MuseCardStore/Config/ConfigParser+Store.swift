import Foundation
import Yams

extension ConfigParser {
    static let storeKeys: Set<String> = ["kind", "url", "password_file", "four_eyes", "approval_minutes"]

    /// `store: {kind: postgres|sqlite, url: …, password_file: …, four_eyes: …, approval_minutes: …}`; `sqlite` is `nil`.
    func store(_ node: Node) throws(ConfigError) -> TeamStoreSettings? {
        var kind: (String, Node)?, url: (String, Node)?, passwordFile: String?
        var fourEyes = true, minutes = 15
        var lines: [String: Node] = [:]
        for (keyNode, value) in try mapping(node, what: "store") {
            let key = try scalar(keyNode, what: "a key")
            lines[key] = value
            switch key {
            case "kind": kind = (try scalar(value, what: "store.kind"), value)
            case "url": url = (try scalar(value, what: "store.url"), value)
            case "password_file": passwordFile = Self.expandTilde(try scalar(value, what: "store.password_file"))
            case "four_eyes":
                guard let flag = value.bool else { throw error(value, "store.four_eyes must be true or false") }
                fourEyes = flag
            case "approval_minutes":
                guard let text = value.scalar?.string, let number = Int(text), TeamStoreSettings.approvalMinutesRange.contains(number) else {
                    throw error(value, "store.approval_minutes must be a whole number of minutes from 1 to 1440")
                }
                minutes = number
            default:
                throw error(keyNode, "unknown key \"\(key)\" in store (expected one of: \(Self.storeKeys.sorted().joined(separator: ", ")))")
            }
        }
        guard let kind else { throw error(node, "store needs kind: postgres or kind: sqlite") }
        let (kindText, kindNode) = kind
        switch kindText {
        case "sqlite":
            if let extra = lines.keys.sorted().first(where: { $0 != "kind" }) {
                throw error(lines[extra], "store.\(extra) applies to kind: postgres only")
            }
            return nil
        case "postgres":
            guard let url else { throw error(node, "store with kind: postgres needs url: postgres://user@host:port/database") }
            let (urlText, urlNode) = url
            do {
                return try TeamStoreSettings(url: urlText, passwordFile: passwordFile, fourEyes: fourEyes, approvalMinutes: minutes)
            } catch {
                throw self.error(lines[error.field] ?? urlNode, error.description)
            }
        default:
            throw error(kindNode, "store.kind must be postgres or sqlite, not \"\(kindText)\"")
        }
    }
}
