import MuseCardKit

/// Reads an endpoint's own fields from a checked body; every error names the field.
struct FieldReader: Sendable {
    let body: [String: JSONValue]

    /// A required identifier (non-blank, printable, at most 64 characters).
    func id(_ key: String) throws(Rejection) -> String {
        let text = try required(key)
        do { try FieldRules.id(text, field: key) } catch { throw .from(error) }
        return text
    }

    /// An optional identifier; blank counts as absent.
    func optionalId(_ key: String) throws(Rejection) -> String? {
        guard let value = body[key], !value.isBlank else { return nil }
        return try id(key)
    }

    /// A required string or number, as its text.
    func required(_ key: String) throws(Rejection) -> String {
        guard let value = body[key], !value.isBlank else { throw .missing(key) }
        guard let text = value.scalarText else { throw .invalid(key, "must be a string") }
        return text
    }

    /// An optional string or number, as its text.
    func optional(_ key: String) throws(Rejection) -> String? {
        guard let value = body[key], !value.isBlank else { return nil }
        guard let text = value.scalarText else { throw .invalid(key, "must be a string") }
        return text
    }

    /// Runs a MuseCardKit field rule, turning its error into HTTP 400.
    func check(_ rule: () throws(MusePayError) -> Void) throws(Rejection) {
        do { try rule() } catch { throw .from(error) }
    }

    /// An optional positive integer within `range`.
    func integer(_ key: String, range: ClosedRange<Int>) throws(Rejection) -> Int? {
        guard let text = try optional(key) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw .invalid(key, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}
