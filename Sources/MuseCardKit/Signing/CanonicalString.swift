/// The text MusePay signs: non-blank fields except `sign`, sorted by byte order, as `k=v&…`.
public enum CanonicalString {
    /// Builds the canonical string of a request body.
    public static func make(from body: [String: JSONValue]) -> String {
        body.keys
            .filter { $0 != "sign" }
            .sorted(by: JSONValue.byteOrder)
            .compactMap { key -> String? in
                guard let value = body[key], !value.isBlank else { return nil }
                return "\(key)=\(text(of: value))"
            }
            .joined(separator: "&")
    }

    /// A value as it stands in the canonical string; nested objects lose their blank members.
    static func text(of value: JSONValue) -> String {
        switch value {
        case .string(let text), .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return ""
        case .object, .array: return pruned(value).jsonText()
        }
    }

    private static func pruned(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(members.filter { !$0.value.isBlank }.mapValues(pruned))
        case .array(let items):
            return .array(items.map(pruned))
        default:
            return value
        }
    }
}
