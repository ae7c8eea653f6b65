import CLibCrypto
import Foundation

/// Fresh request nonces: 32 random letters and digits.
public enum Nonce {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    /// A new nonce from a cryptographically secure generator.
    ///
    /// One draw of 48 bytes from libcrypto's generator (seeded by the system, no system call a
    /// draw) a nonce, rather than one `getrandom` a word: a batch makes two nonces a card. 48
    /// bytes give 32 letters all but always (one draw in about 10^13 falls short and draws again).
    public static func make() -> String {
        var letters = [UInt8]()
        letters.reserveCapacity(32)
        var bytes = [UInt8](repeating: 0, count: 48)
        while letters.count < 32 {
            fillRandom(&bytes)
            // 248 = 4 × 62: taking only bytes below it keeps every letter equally likely.
            for byte in bytes where byte < 248 && letters.count < 32 {
                letters.append(alphabet[Int(byte) % alphabet.count])
            }
        }
        return String(decoding: letters, as: UTF8.self)
    }

    /// Fills `bytes` from libcrypto's `RAND_bytes`, or from the system's generator when it fails.
    private static func fillRandom(_ bytes: inout [UInt8]) {
        let count = Int32(bytes.count)
        guard bytes.withUnsafeMutableBufferPointer({ RAND_bytes($0.baseAddress, count) }) != 1 else { return }
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
    }
}

/// Fresh idempotency keys for apply and replace: a prefix, the time and random letters.
public enum RequestID {
    public static func make(prefix: String) -> String {
        "\(prefix)-\(Int(Date().timeIntervalSince1970))-\(Nonce.make().prefix(10))"
    }
}
