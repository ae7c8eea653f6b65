import MuseCardKit

/// Turns what ncurses `get_wch` returns into the key names the view-model understands:
/// the printable character itself, or `up down left right enter esc tab backtab backspace
/// delete home end pgup pgdn space ctrl-a … ctrl-z f1 … f12`.
public enum KeyDecoder {
    /// One result of `get_wch`: a character (`OK`) or a key code (`KEY_CODE_YES`).
    public enum Input: Sendable, Equatable {
        case character(UInt32)
        case keyCode(Int32)
    }

    /// ncurses key codes (from `<curses.h>`; the values are part of its ABI).
    public enum Code {
        public static let down: Int32 = 0o402
        public static let up: Int32 = 0o403
        public static let left: Int32 = 0o404
        public static let right: Int32 = 0o405
        public static let home: Int32 = 0o406
        public static let backspace: Int32 = 0o407
        public static let f0: Int32 = 0o410
        public static let delete: Int32 = 0o512
        public static let pageDown: Int32 = 0o522
        public static let pageUp: Int32 = 0o523
        public static let enter: Int32 = 0o527
        public static let backTab: Int32 = 0o541
        public static let end: Int32 = 0o550
    }

    /// The key name for `input`, or nil for keys the console does not use.
    public static func name(for input: Input) -> String? {
        switch input {
        case .character(let value): return characterName(value)
        case .keyCode(let code): return keyCodeName(code)
        }
    }

    static func characterName(_ value: UInt32) -> String? {
        switch value {
        case 27: return "esc"
        case 9: return "tab"
        case 10, 13: return "enter"
        case 8, 127: return "backspace"
        case 32: return "space"
        case 1...26: return "ctrl-" + String(UnicodeScalar(UInt8(96 + value)))
        default: break
        }
        guard let scalar = Unicode.Scalar(value), !scalar.isUnprintable else { return nil }
        return String(scalar)
    }

    static func keyCodeName(_ code: Int32) -> String? {
        switch code {
        case Code.up: return "up"
        case Code.down: return "down"
        case Code.left: return "left"
        case Code.right: return "right"
        case Code.home: return "home"
        case Code.end: return "end"
        case Code.pageUp: return "pgup"
        case Code.pageDown: return "pgdn"
        case Code.enter: return "enter"
        case Code.backspace: return "backspace"
        case Code.delete: return "delete"
        case Code.backTab: return "backtab"
        case (Code.f0 + 1)...(Code.f0 + 12): return "f\(code - Code.f0)"
        default: return nil
        }
    }
}
