extension JSONValue {
    /// Indented JSON with sorted keys, for people reading script output.
    public func prettyText(indent: String = "  ") -> String {
        var out = ""
        writePretty(into: &out, level: 0, indent: indent)
        return out
    }

    private func writePretty(into out: inout String, level: Int, indent: String) {
        let pad = String(repeating: indent, count: level + 1)
        let closePad = String(repeating: indent, count: level)
        switch self {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += pad
                item.writePretty(into: &out, level: level + 1, indent: indent)
                out += index < items.count - 1 ? ",\n" : "\n"
            }
            out += closePad + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            let keys = members.keys.sorted(by: JSONValue.byteOrder)
            for (index, key) in keys.enumerated() {
                out += pad
                JSONValue.writeString(key, into: &out)
                out += ": "
                members[key]?.writePretty(into: &out, level: level + 1, indent: indent)
                out += index < keys.count - 1 ? ",\n" : "\n"
            }
            out += closePad + "}"
        default:
            write(into: &out, sortedKeys: true)
        }
    }
}
