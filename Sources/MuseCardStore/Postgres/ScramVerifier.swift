import Crypto
import CryptoExtras
import Foundation

/// A SCRAM-SHA-256 password verifier as PostgreSQL stores it, computed here so `CREATE ROLE … PASSWORD`
/// never carries the password itself (a server logging statements would keep it), as psql's `\password` does.
enum ScramVerifier {
    /// `SCRAM-SHA-256$4096:salt$StoredKey:ServerKey`, base64 parts.
    static func make(password: String, salt: [UInt8] = randomSalt(), iterations: Int = 4096) throws -> String {
        let salted = try KDF.Insecure.PBKDF2.deriveKey(from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: 32,
                                                        unsafeUncheckedRounds: iterations)
        let clientKey = HMAC<SHA256>.authenticationCode(for: Array("Client Key".utf8), using: salted)
        let serverKey = HMAC<SHA256>.authenticationCode(for: Array("Server Key".utf8), using: salted)
        let storedKey = SHA256.hash(data: Data(clientKey))
        func b64<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 { Data(bytes).base64EncodedString() }
        return "SCRAM-SHA-256$\(iterations):\(b64(salt))$\(b64(storedKey)):\(b64(serverKey))"
    }

    static func randomSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
