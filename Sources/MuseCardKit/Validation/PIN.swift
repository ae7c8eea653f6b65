/// A card PIN that never prints itself; only `PINCipher` reads its digits.
public struct PIN: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    let digits: String

    /// Checks 4–6 digits; the error names `card_pin` and never echoes the value.
    public init(_ digits: String) throws(MusePayError) {
        try FieldRules.pin(digits)
        self.digits = digits
    }

    public var description: String { "••••" }
    public var debugDescription: String { "PIN(redacted)" }
}

extension PIN {
    /// The digits, for checking a repeated entry; never store or print it.
    public var matchingKey: String { digits }
}

extension PIN: Equatable {
    public static func == (lhs: PIN, rhs: PIN) -> Bool { lhs.digits == rhs.digits }
}
