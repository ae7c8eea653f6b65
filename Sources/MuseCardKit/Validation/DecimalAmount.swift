import Foundation

/// A non-negative money amount with at most two fraction digits, kept in canonical text.
///
/// The body carries it as a JSON number with exactly this text (`500.5`, `1000`), and the
/// signature signs the same text.
public struct DecimalAmount: Sendable, Hashable, CustomStringConvertible {
    /// Canonical text: no exponent, no leading zeros, no trailing fraction zeros.
    public let text: String

    /// Parses user input such as `500.50`, `1000` or `0.5`; the error names `field`.
    public init(parsing input: String, field: String = "daily_purchase_limit") throws(MusePayError) {
        let parts = input.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard let whole = parts.first, isDigits(whole), parts.count == 1 || isDigits(parts[1]) else {
            throw .validation(field: field, reason: "must be a non-negative decimal such as 500 or 500.50 (got \(FieldRules.quoted(input)))")
        }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= 2 else {
            throw .validation(field: field, reason: "must have at most 2 fraction digits (got \(FieldRules.quoted(input)))")
        }
        let wholeText = String(whole.drop { $0 == "0" })
        guard wholeText.count <= 15 else { throw .validation(field: field, reason: "is too large") }
        let fractionText = String(fraction.reversed().drop { $0 == "0" }.reversed())
        text = (wholeText.isEmpty ? "0" : wholeText) + (fractionText.isEmpty ? "" : "." + fractionText)
    }

    /// The amount as a `Decimal`.
    public var decimal: Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 0 }

    public var description: String { text }
}
