import Foundation

/// Lenient reads of an answer's `data` object: strings and numbers stand in for each other.
public struct JSONFields: Sendable {
    private let members: [String: JSONValue]

    /// Wraps `data`; a missing or non-object value reads as empty.
    public init(_ json: JSONValue?) { members = json?.objectValue ?? [:] }

    /// Text of a string, number or boolean field; `nil` when absent, null or blank.
    public func string(_ key: String) -> String? {
        guard let text = members[key]?.scalarText, !text.isEmpty else { return nil }
        return text
    }

    /// A required text field.
    public func required(_ key: String) throws(MusePayError) -> String {
        guard let text = string(key) else { throw .undecodable("data.\(key) is missing") }
        return text
    }

    /// A decimal from a number or a numeric string.
    public func decimal(_ key: String) -> Decimal? {
        number(key).flatMap(JSONFields.decimal(of:))
    }

    /// The JSON number literal of a number or numeric string, exactly as written: values no
    /// `Decimal` or `Double` can hold (`1e999`, thousands of digits) are kept, not lost.
    public func number(_ key: String) -> String? {
        guard let text = string(key), case .number(let literal)? = try? JSONParser.parse(text) else { return nil }
        return literal
    }

    /// A number literal as a `Decimal`; `nil` when it is out of `Decimal`'s range.
    public static func decimal(of literal: String) -> Decimal? {
        guard let value = Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN else { return nil }
        return value
    }

    /// A boolean from `true`/`false`, `"true"`/`"false"` or `1`/`0`.
    public func bool(_ key: String) -> Bool? {
        switch string(key)?.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: return nil
        }
    }

    /// A nested object or array, as is.
    public func value(_ key: String) -> JSONValue? { members[key] }
}

/// Builds an answer object for `--json` output, leaving out absent values.
public struct JSONObjectBuilder {
    private(set) var members: [String: JSONValue] = [:]

    public init() {}

    public mutating func set(_ key: String, _ value: String?) {
        if let value { members[key] = .string(value) }
    }

    public mutating func set(_ key: String, _ value: Decimal?) {
        set(key, number: JSONObjectBuilder.literal(of: value))
    }

    /// Sets a number given as its JSON literal text.
    public mutating func set(_ key: String, number literal: String?) {
        if let literal { members[key] = .number(literal) }
    }

    public mutating func set(_ key: String, _ value: Bool?) {
        if let value { members[key] = .bool(value) }
    }

    public mutating func set(_ key: String, json value: JSONValue?) {
        if let value { members[key] = value }
    }

    public var object: JSONValue { .object(members) }

    /// Decimal text without exponent or locale; `nil` for NaN, which JSON cannot write.
    public static func literal(of value: Decimal?) -> String? {
        guard let value, !value.isNaN else { return nil }
        return text(of: value)
    }

    /// Decimal text without exponent or locale.
    public static func text(of value: Decimal) -> String {
        var copy = value
        return NSDecimalString(&copy, Locale(identifier: "en_US_POSIX"))
    }
}
