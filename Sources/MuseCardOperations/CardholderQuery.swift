import Foundation
import MuseCardKit

/// What an agent may know of a cardholder when a ticket comes in.
public enum CardholderQuery: Sendable, Equatable {
    case userId(String)
    /// The partner's own customer number (`user_xid`), which `/v1/carduser/query` takes.
    case xid(String)
    /// With or without `+` and the country calling code; spaces and dashes are ignored.
    case phone(String)
    case email(String)
    /// Any part of the first or last name (or the label the console keeps).
    case name(String)

    /// Every reading of free text (the picker, `:find`): an id may also be an xid or a phone
    /// number, text with `@` is an email, anything else a name. Empty text reads as nothing.
    public static func readings(of text: String) -> [CardholderQuery] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        if trimmed.contains("@") { return [.email(trimmed)] }
        var readings: [CardholderQuery] = []
        if isIdentifier(trimmed) { readings += [.userId(trimmed), .xid(trimmed)] }
        if let digits = phoneDigits(trimmed), digits.count >= 6 { readings.append(.phone(digits)) }
        if trimmed.contains(where: \.isLetter) || readings.isEmpty { readings.append(.name(trimmed)) }
        return readings
    }

    /// Letters, digits, `-` and `_`: what a user id or xid is made of.
    public static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64 && text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
    }

    /// The digits of a phone number typed with `+`, spaces, dashes, dots or brackets; nil if other characters occur.
    public static func phoneDigits(_ text: String) -> String? {
        var digits = ""
        for character in text {
            if character.isASCII, character.isNumber { digits.append(character) } else if !"+ -.()".contains(character) { return nil }
        }
        return digits.isEmpty ? nil : digits
    }
}
