import MuseCardKit

/// Makes text from the network safe to show on a terminal.
public enum DisplayText {
    /// Replaces every control, format and escape character with a visible `�`-free stand-in,
    /// so nothing that came from the service can move the cursor or change colours.
    ///
    /// C0/C1 controls become `␛`-style symbols for ESC and `?` for the rest; bidi and other
    /// format characters are dropped.
    public static func sanitize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                out.append(scalar == "\u{1B}" ? "␛" : "?")
            } else if !scalar.isUnprintable {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
