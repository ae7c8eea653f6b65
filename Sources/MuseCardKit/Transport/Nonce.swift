import Foundation

/// Fresh request nonces: 32 random letters and digits.
public enum Nonce {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    /// A new nonce from the system's secure random source.
    ///
    /// Random words of eight bytes, not one draw per letter: a batch makes two nonces a card, and
    /// 64 reads of the random source a card were a measurable share of its CPU.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        var letters = [UInt8]()
        letters.reserveCapacity(32)
        while letters.count < 32 {
            var word: UInt64 = generator.next()
            for _ in 0..<8 where letters.count < 32 {
                let byte = UInt8(truncatingIfNeeded: word)
                word >>= 8
                // 248 = 4 × 62: taking only bytes below it keeps every letter equally likely.
                if byte < 248 { letters.append(alphabet[Int(byte) % alphabet.count]) }
            }
        }
        return String(decoding: letters, as: UTF8.self)
    }
}

/// Fresh idempotency keys for apply and replace: a prefix, the time and random letters.
public enum RequestID {
    public static func make(prefix: String) -> String {
        "\(prefix)-\(Int(Date().timeIntervalSince1970))-\(Nonce.make().prefix(10))"
    }
}
