/// The CSI and SS3 sequences of the keys the console uses, as xterm, tmux and the Linux console send them.
extension InputDecoder {
    /// The key for `ESC [ body final`, or nil for a sequence the console does not use
    /// (modified keys, insert, focus reports, colour codes pasted without brackets…).
    static func csiKey(_ body: String, final: Character) -> String? {
        if final == "~" { return tildeKeys[body] }
        // Plain keys only: `ESC [ A` or `ESC [ 1 A`; a modifier (`1;5A`) is another key.
        guard body.isEmpty || body == "1" else { return nil }
        switch final {
        case "A": return "up"
        case "B": return "down"
        case "C": return "right"
        case "D": return "left"
        case "H": return "home"
        case "F": return "end"
        case "Z": return body.isEmpty ? "backtab" : nil
        default: return nil
        }
    }

    /// The key for `ESC O final`, or nil.
    static func ss3Key(_ final: Character) -> String? {
        switch final {
        case "A": return "up"
        case "B": return "down"
        case "C": return "right"
        case "D": return "left"
        case "H": return "home"
        case "F": return "end"
        case "M": return "enter"
        case "P": return "f1"
        case "Q": return "f2"
        case "R": return "f3"
        case "S": return "f4"
        default: return nil
        }
    }

    /// `ESC [ n ~` keys by their number.
    static let tildeKeys: [String: String] = [
        "1": "home", "7": "home", "4": "end", "8": "end", "3": "delete", "5": "pgup", "6": "pgdn",
        "11": "f1", "12": "f2", "13": "f3", "14": "f4", "15": "f5", "17": "f6", "18": "f7",
        "19": "f8", "20": "f9", "21": "f10", "23": "f11", "24": "f12",
    ]
}
