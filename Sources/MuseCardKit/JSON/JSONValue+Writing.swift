extension JSONValue {
    /// Compact JSON text; object keys in plain byte order so the output is stable.
    public func jsonText(sortedKeys: Bool = true) -> String {
        var out = ""
        write(into: &out, sortedKeys: sortedKeys)
        return out
    }

    /// UTF-8 bytes of `jsonText()`.
    public var jsonBytes: [UInt8] { Array(jsonText().utf8) }

    func write(into out: inout String, sortedKeys: Bool) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): JSONValue.writeString(text, into: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out, sortedKeys: sortedKeys)
            }
            out += "]"
        case .object(let members):
            out += "{"
            let keys = sortedKeys ? members.keys.sorted(by: JSONValue.byteOrder) : Array(members.keys)
            for (index, key) in keys.enumerated() {
                if index > 0 { out += "," }
                JSONValue.writeString(key, into: &out)
                out += ":"
                members[key]?.write(into: &out, sortedKeys: sortedKeys)
            }
            out += "}"
        }
    }

    /// Plain byte order of the UTF-8 text, as the signature demands.
    static func byteOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// Writes a JSON string; controls, format (bidi) and other unprintable characters go out as
    /// `\uXXXX`, so the text is equal in value but cannot steer a terminal it is printed on.
    static func writeString(_ text: String, into out: inout String) {
        out += "\""
        // Most text (ids, codes, dates) is printable ASCII with nothing to escape: copied whole,
        // without a Unicode property lookup per character.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.isUnprintable {
                    for unit in String(scalar).utf16 { writeEscape(unit, into: &out) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// `\u` and four lower-case hex digits (one UTF-16 unit).
    private static func writeEscape(_ unit: UInt16, into out: inout String) {
        let hex = String(unit, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}

extension JSONValue: CustomStringConvertible {
    public var description: String { jsonText() }
}
