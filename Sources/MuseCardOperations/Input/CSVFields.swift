import MuseCardKit

/// Splits one CSV record: commas, double quotes with `""` inside (no line breaks in a field).
public enum CSVFields {
    static func split(_ text: String) throws(MusePayError) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = text.makeIterator()
        var atFieldStart = true
        while let char = iterator.next() {
            if quoted {
                if char == "\"" {
                    // A doubled quote is a quote; a single one ends the quoted part.
                    var lookahead = iterator
                    if lookahead.next() == "\"" { current.append("\""); iterator = lookahead } else { quoted = false }
                } else {
                    current.append(char)
                }
            } else if char == "," {
                fields.append(current)
                current = ""
                atFieldStart = true
                continue
            } else if char == "\"" && atFieldStart {
                quoted = true
            } else {
                current.append(char)
            }
            atFieldStart = false
        }
        if quoted { throw .validation(field: "line", reason: "has an unclosed quote") }
        fields.append(current)
        return fields
    }

    /// One field as CSV writes it: quoted when it holds a comma, quote or line break.
    public static func quote(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
