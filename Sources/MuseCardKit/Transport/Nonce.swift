import Foundation

/// Fresh request nonces: 32 random letters and digits.
public enum Nonce {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz")

    /// A new nonce from the system's secure random source.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<32).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}

/// Fresh idempotency keys for apply and replace: a prefix, the time and random letters.
public enum RequestID {
    public static func make(prefix: String) -> String {
        "\(prefix)-\(Int(Date().timeIntervalSince1970))-\(Nonce.make().prefix(10))"
    }
}
