/// A one-time URL that reveals card data; it prints as redacted unless asked for on purpose.
public struct SecretURL: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    private let value: String

    public init(_ value: String) { self.value = value }

    /// The real URL, for the one place allowed to show it.
    public func reveal() -> String { value }

    public var description: String { "<redacted url>" }
    public var debugDescription: String { "SecretURL(redacted)" }
}
