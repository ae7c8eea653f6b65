import Crypto
import CryptoExtras
import Foundation

/// Checks a SHA1withRSA signature with a partner public key (the service's half).
public struct SignatureVerifier: Sendable {
    private let key: _RSA.Signing.PublicKey

    /// Wraps a partner public key.
    public init(key: _RSA.Signing.PublicKey) { self.key = key }

    /// Loads the public key from PEM or bare base64 DER text.
    public init(text: String, source: String) throws(MusePayError) {
        key = try RSAKeyLoader.verifyingKey(text: text, source: source)
    }

    /// True when `signature` (base64) signs the canonical string of `body`.
    public func isValid(signature: String, body: [String: JSONValue]) -> Bool {
        guard let raw = Data(base64Encoded: signature) else { return false }
        let digest = Insecure.SHA1.hash(data: Data(CanonicalString.make(from: body).utf8))
        return key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: raw), for: digest, padding: .insecurePKCS1v1_5)
    }
}
