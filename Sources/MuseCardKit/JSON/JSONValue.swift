/// A JSON value that keeps numbers as the exact text that stands in the document.
///
/// MusePay signs numbers as their literal text, so a body must be written and read back
/// without any float round trip (`500.5` stays `500.5`, `1000.00` stays `1000.00`).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number, held as its literal JSON text.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

extension JSONValue {
    /// The value of `key` when this is an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The members when this is an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// Text of a string, number or boolean; `nil` for null, arrays and objects.
    ///
    /// The service sends some fields as a number in one place and a string in another.
    public var scalarText: String? {
        switch self {
        case .string(let text), .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .array, .object: return nil
        }
    }

    /// True for null, the empty string and strings of white space only — the values the
    /// signature leaves out.
    public var isBlank: Bool {
        switch self {
        case .null: return true
        case .string(let text): return text.allSatisfy(\.isWhitespace)
        default: return false
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension JSONValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}
