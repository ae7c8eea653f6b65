/// Reassembles what `get_wch` hands over one character at a time into whole events.
///
/// ncurses decodes only the sequences its terminfo entry knows; anything else arrives as ESC
/// and loose characters. This decoder takes an ESC followed by `[` or `O` and the rest of a
/// CSI/SS3 sequence as one event (a known key, or nothing when unknown), never as ESC plus
/// keys, and turns a bracketed paste (`ESC [200~ … ESC [201~`) into one `paste` event. A value:
/// characters and idle polls in, events out.
public struct InputDecoder: Sendable {
    /// Idle polls inside a paste after which what came so far is delivered as the paste
    /// (the end marker was lost); about two seconds at the console's poll rate.
    public static let pasteIdleLimit = 40
    /// Longer CSI bodies are no key anyone knows: they are swallowed whole and ignored.
    static let maxSequenceLength = 32
    /// The most characters a paste keeps; the rest is dropped until the end marker.
    static let maxPasteLength = 65_536
    /// The bracketed paste end marker, `ESC [201~`.
    static let pasteEnd: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]

    private enum Mode: Sendable, Equatable {
        case ground
        /// An ESC, waiting to see whether a sequence follows.
        case escape
        /// `ESC [` and the parameter and intermediate characters after it.
        case csi(String)
        /// `ESC O`, waiting for its final character.
        case ss3
        /// Inside a bracketed paste.
        case paste
    }

    private var mode = Mode.ground
    private var pasted = String.UnicodeScalarView()
    private var pastedCount = 0
    /// How many characters of `pasteEnd` the paste's tail matches.
    private var endMatched = 0
    private var pasteIdles = 0

    public init() {}

    /// True while a sequence or a paste is unfinished: more input (or an idle poll) is needed.
    public var isPending: Bool { mode != .ground }

    /// Takes one result of `get_wch` and returns the events it completes (often none or one).
    public mutating func feed(_ input: KeyDecoder.Input) -> [TerminalEvent] {
        switch mode {
        case .ground:
            return ground(input)
        case .paste:
            return pasteInput(input)
        case .escape:
            guard case .character(let value) = input else {
                mode = .ground
                return [.key("esc")] + ground(input)
            }
            switch value {
            case 0x5B: mode = .csi("")
            case 0x4F: mode = .ss3
            case 0x1B: return [.key("esc")]
            default:
                mode = .ground
                return [.key("esc")] + ground(input)
            }
            return []
        case .csi(let body):
            guard case .character(let value) = input else {
                mode = .ground
                return ground(input)
            }
            switch value {
            case 0x20...0x3F:
                // Keep swallowing an overlong body, so its tail never turns into keys.
                if body.count < Self.maxSequenceLength, let scalar = Unicode.Scalar(value) {
                    mode = .csi(body + String(scalar))
                }
                return []
            case 0x40...0x7E:
                mode = .ground
                guard body.count < Self.maxSequenceLength, let final = Unicode.Scalar(value) else { return [] }
                return csi(body, final: Character(final))
            case 0x1B:
                mode = .escape
                return []
            default:
                // A control character cuts the sequence short: the sequence is dropped, the control kept.
                mode = .ground
                return ground(input)
            }
        case .ss3:
            mode = .ground
            guard case .character(let value) = input, (0x40...0x7E).contains(value) else { return ground(input) }
            guard let final = Unicode.Scalar(value), let key = Self.ss3Key(Character(final)) else { return [] }
            return [.key(key)]
        }
    }

    /// A poll went by without input: a lone ESC is the esc key, a half sequence is dropped,
    /// and a paste whose end never came is delivered after `pasteIdleLimit` polls.
    public mutating func idle() -> [TerminalEvent] {
        switch mode {
        case .ground:
            return []
        case .escape:
            mode = .ground
            return [.key("esc")]
        case .csi, .ss3:
            mode = .ground
            return []
        case .paste:
            pasteIdles += 1
            return pasteIdles >= Self.pasteIdleLimit ? finishPaste() : []
        }
    }

    private mutating func ground(_ input: KeyDecoder.Input) -> [TerminalEvent] {
        if input == .character(0x1B) {
            mode = .escape
            return []
        }
        guard let key = KeyDecoder.name(for: input) else { return [] }
        return [.key(key)]
    }

    private mutating func csi(_ body: String, final: Character) -> [TerminalEvent] {
        if final == "~" && body == "200" {
            mode = .paste
            pasted = String.UnicodeScalarView()
            (pastedCount, endMatched, pasteIdles) = (0, 0, 0)
            return []
        }
        guard let key = Self.csiKey(body, final: final) else { return [] }
        return [.key(key)]
    }

    private mutating func pasteInput(_ input: KeyDecoder.Input) -> [TerminalEvent] {
        pasteIdles = 0
        // A key code inside a paste is a sequence ncurses recognised: not text, so dropped.
        guard case .character(let value) = input, let scalar = Unicode.Scalar(value) else { return [] }
        if scalar == Self.pasteEnd[endMatched] {
            endMatched += 1
            return endMatched == Self.pasteEnd.count ? finishPaste() : []
        }
        // Not the end marker after all: what looked like its start is pasted text.
        for scalar in Self.pasteEnd.prefix(endMatched) { append(scalar) }
        endMatched = 0
        if scalar == Self.pasteEnd[0] {
            endMatched = 1
        } else {
            append(scalar)
        }
        return []
    }

    private mutating func append(_ scalar: Unicode.Scalar) {
        guard pastedCount < Self.maxPasteLength else { return }
        pasted.append(scalar)
        pastedCount += 1
    }

    private mutating func finishPaste() -> [TerminalEvent] {
        let text = String(pasted)
        mode = .ground
        pasted = String.UnicodeScalarView()
        (pastedCount, endMatched, pasteIdles) = (0, 0, 0)
        return text.isEmpty ? [] : [.paste(text)]
    }
}
