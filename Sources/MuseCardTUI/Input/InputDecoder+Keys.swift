/// The CSI and SS3 sequences of the keys the console uses, as xterm, tmux and the Linux console send them.
extension InputDecoder {
    /// The key for `ESC [ body final`, or nil for a sequence the console does not use
    /// (modified keys, insert, focus reports, colour codes pasted without brackets…).
    static func csiKey(_ body: String, final: Character) -> String? {
        if final == "~" { return tildeKeys[body] }
        // Plain keys only: `ESC [ A` or `ESC [ 1 A`; a modifier (`1;5A`) is another key.
        guard body.isEmpty || body == "1" else { return nil }
        if final == "Z" { return body.isEmpty ? "backtab" : nil }
        return cursorKeys[final]
    }

    /// The key for `ESC O final`, or nil.
    static func ss3Key(_ final: Character) -> String? {
        cursorKeys[final] ?? ss3OnlyKeys[final]
    }

    /// The final characters CSI and SS3 share: arrows, home and end.
    static let cursorKeys: [Character: String] = ["A": "up", "B": "down", "C": "right", "D": "left", "H": "home", "F": "end"]

    /// Keys only SS3 sends: keypad enter and F1–F4.
    static let ss3OnlyKeys: [Character: String] = ["M": "enter", "P": "f1", "Q": "f2", "R": "f3", "S": "f4"]

    /// `ESC [ n ~` keys by their number.
    static let tildeKeys: [String: String] = [
        "1": "home", "7": "home", "4": "end", "8": "end", "3": "delete", "5": "pgup", "6": "pgdn",
        "11": "f1", "12": "f2", "13": "f3", "14": "f4", "15": "f5", "17": "f6", "18": "f7",
        "19": "f8", "20": "f9", "21": "f10", "23": "f11", "24": "f12",
    ]
}
