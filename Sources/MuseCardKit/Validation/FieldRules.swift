import Foundation

/// The checks every request field passes before anything is sent; errors name the field.
public enum FieldRules {
    /// An identifier: non-empty, printable, at most 64 characters.
    public static func id(_ value: String, field: String) throws(MusePayError) {
        try printable(value, field: field, max: 64)
    }

    /// Free text: non-empty, printable, at most `max` characters.
    public static func printable(_ value: String, field: String, max: Int) throws(MusePayError) {
        if value.isEmpty || value.allSatisfy(\.isWhitespace) { throw .validation(field: field, reason: "must not be empty") }
        if value.count > max { throw .validation(field: field, reason: "must be at most \(max) characters (got \(value.count))") }
        if value.unicodeScalars.contains(where: \.isUnprintable) {
            throw .validation(field: field, reason: "must contain printable characters only")
        }
        if value.first?.isWhitespace == true || value.last?.isWhitespace == true {
            throw .validation(field: field, reason: "must not start or end with white space")
        }
    }

    /// A phone number: 4 to 15 digits.
    public static func phone(_ value: String, field: String = "phone_number") throws(MusePayError) {
        try digits(value, field: field, range: 4...15)
    }

    /// A country calling code: 1 to 4 digits, without `+`.
    public static func areaCode(_ value: String, field: String = "phone_area_code") throws(MusePayError) {
        try digits(value, field: field, range: 1...4)
    }

    /// A country calling code as people write it (`+49`, ` 49`) reduced to what the API takes (`49`).
    public static func areaCodeDigits(_ value: String) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 1 && trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed
    }

    /// An id typed by hand for the local index (`cards add`, the console's `+`): API.md sets no
    /// character rules, but MusePay's ids are letters and digits, so anything beyond letters,
    /// digits, `-` and `_` is a typo to refuse before it is remembered.
    public static func localId(_ value: String, field: String) throws(MusePayError) {
        try id(value, field: field)
        let allowed = value.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
        if !allowed { throw .validation(field: field, reason: "may contain only letters, digits, - and _ (got \(quoted(value)))") }
    }

    /// A card PIN: 4 to 6 digits.
    public static func pin(_ value: String, field: String = "card_pin") throws(MusePayError) {
        try digits(value, field: field, range: 4...6, echo: false)
    }

    /// A client IP address, v4 or v6.
    public static func ipAddress(_ value: String, field: String = "ip_address") throws(MusePayError) {
        if value.isEmpty { throw .validation(field: field, reason: "must not be empty") }
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, value, &v4) == 1 || inet_pton(AF_INET6, value, &v6) == 1 { return }
        throw .validation(field: field, reason: "must be an IPv4 or IPv6 address (got \(quoted(value)))")
    }

    /// A replace reason: non-empty, at most 128 characters.
    public static func replaceReason(_ value: String, field: String = "replace_reason") throws(MusePayError) {
        try printable(value, field: field, max: 128)
    }

    /// `echo: false` keeps the value out of the message (a PIN).
    static func digits(_ value: String, field: String, range: ClosedRange<Int>, echo: Bool = true) throws(MusePayError) {
        let allDigits = !value.isEmpty && value.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        guard allDigits, range.contains(value.utf8.count) else {
            let what = echo ? " (got \(quoted(value)))" : ""
            throw .validation(field: field, reason: "must be \(range.lowerBound)–\(range.upperBound) digits\(what)")
        }
    }


    /// A value shown inside an error message, with control characters made visible.
    static func quoted(_ value: String) -> String {
        let shown = value.unicodeScalars.map { $0.isUnprintable ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
        return "\"" + String(shown.prefix(40)) + (shown.count > 40 ? "…" : "") + "\""
    }
}

extension Unicode.Scalar {
    /// Controls, format and separator characters, surrogates, private and unassigned code points:
    /// nothing a person can type or read as text.
    public var isUnprintable: Bool {
        switch properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse: return true
        default: return false
        }
    }
}
