import MuseCardKit

/// Turns key names and pasted text into typed text.
enum TextInput {
    /// The character a key types, or nil for keys that do not type (arrows, enter, ctrl-…).
    static func character(for key: String) -> Character? {
        if key == "space" { return " " }
        guard key.count == 1, let character = key.first else { return nil }
        return character.unicodeScalars.allSatisfy({ !$0.isUnprintable }) ? character : nil
    }

    /// Pasted text as it may be typed: escape sequences (CSI, OSC, SS3, two-character ones)
    /// removed whole, then every unprintable character (Kit's `isUnprintable`) dropped.
    static func pasted(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                if !scalar.isUnprintable { out.append(scalar) }
                continue
            }
            skipSequence(after: &scalars)
        }
        return String(out)
    }

    /// Consumes the rest of an escape sequence whose ESC was just read.
    private static func skipSequence(after scalars: inout String.UnicodeScalarView.Iterator) {
        guard let introducer = scalars.next() else { return }
        switch introducer {
        case "[":
            // Parameters and intermediates, up to the final character.
            while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
        case "]", "P", "_", "^":
            // A string up to BEL or ST (ESC \).
            while let next = scalars.next(), next != "\u{07}" {
                if next == "\u{1B}" {
                    _ = scalars.next()
                    return
                }
            }
        case "O":
            _ = scalars.next()
        default:
            break
        }
    }
}
