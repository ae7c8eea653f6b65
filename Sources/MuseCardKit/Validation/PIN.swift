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

    /// One digit repeated (`0000`) or a straight run up or down (`1234`, `987654`): the first
    /// guesses anyone tries, worth a warning though the service accepts them.
    public var isTrivial: Bool {
        let values = digits.utf8.map { Int($0) - 48 }
        guard let first = values.first, values.count > 1 else { return false }
        let steps = Set(zip(values, values.dropFirst()).map { $1 - $0 })
        return values.allSatisfy { $0 == first } || steps == [1] || steps == [-1]
    }

    /// The warning for a trivial PIN, the same in the console and on the command line.
    public static let trivialWarning = "this PIN is easy to guess (one digit repeated or a run like 1234)"
}

extension PIN: Equatable {
    public static func == (lhs: PIN, rhs: PIN) -> Bool { lhs.digits == rhs.digits }
}
