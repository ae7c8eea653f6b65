import CryptoExtras
import Foundation

/// Encrypts a card PIN with the platform public key: RSAES-PKCS1-v1_5, then base64.
public struct PINCipher: Sendable {
    /// SubjectPublicKeyInfo DER; the key object itself is not `Sendable`, so it is made per call.
    private let keyDER: Data

    /// Wraps the platform public key (SubjectPublicKeyInfo).
    public init(key: _RSA.Encryption.PublicKey) { keyDER = key.derRepresentation }

    /// The base64 ciphertext of the PIN's ASCII digits; random padding makes each call differ.
    public func encrypt(_ pin: PIN) throws(MusePayError) -> String {
        do {
            let key = try _RSA.Encryption.PublicKey(derRepresentation: keyDER)
            return try key.encrypt(Data(pin.digits.utf8), padding: ._WEAK_AND_INSECURE_PKCS_V1_5).base64EncodedString()
        } catch {
            throw .configuration("PIN encryption failed: the platform public key cannot encrypt")
        }
    }
}
