/// Makes text that came from the network safe for any terminal: the one sanitiser of both fronts.
public enum ServiceText {
    /// The longest service message shown whole; longer ones are cut with a note of what was left out.
    public static let maxMessageLength = 300

    /// Replaces every control character (ESC shows as `␛`, the rest as `?`) and drops format and
    /// bidi characters, so nothing from the service can move the cursor, set a title, write the
    /// clipboard or reorder text.
    public static func sanitize(_ text: String) -> String {
        // Printable ASCII, by far the common case, is safe as is: no scalar properties to look up.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            // One category lookup per scalar: control is replaced, the rest of `isUnprintable` dropped.
            switch scalar.properties.generalCategory {
            case .control: out.append(scalar == "\u{1B}" ? "␛" : "?")
            case .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `sanitize`, then cut to `limit` characters with `… (N more characters)`.
    public static func message(_ text: String, limit: Int = maxMessageLength) -> String {
        let clean = sanitize(text)
        guard clean.count > limit else { return clean }
        return String(clean.prefix(limit)) + "… (\(clean.count - limit) more characters)"
    }
}
