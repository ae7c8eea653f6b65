import CryptoExtras
import Foundation
import MuseCardKit

/// Decrypts `card_pin` (base64 RSAES-PKCS1-v1_5) with the platform private key and checks it.
enum PINDecryptor {
    /// PKCS#8 DER of a private key given as PEM or bare base64 DER.
    static func der(_ text: String) throws(MusePayError) -> Data {
        do {
            if text.contains("-----BEGIN") { return try _RSA.Encryption.PrivateKey(pemRepresentation: text).derRepresentation }
            guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else { throw MusePayError.configuration("") }
            return try _RSA.Encryption.PrivateKey(derRepresentation: data).derRepresentation
        } catch {
            throw .configuration("the platform private key is not an RSA private key (PEM or base64 DER)")
        }
    }

    /// True when `cipherText` decrypts to 4–6 ASCII digits; the PIN never leaves this call.
    static func isValidPIN(_ cipherText: String, keyDER: Data) throws(Rejection) {
        guard let sealed = Data(base64Encoded: cipherText) else { throw .invalid("card_pin", "must be base64") }
        let plain: Data
        do {
            let key = try _RSA.Encryption.PrivateKey(derRepresentation: keyDER)
            plain = try key.decrypt(sealed, padding: ._WEAK_AND_INSECURE_PKCS_V1_5)
        } catch {
            throw .invalid("card_pin", "does not decrypt with the platform key (RSAES-PKCS1-v1_5)")
        }
        guard (try? FieldRules.pin(String(decoding: plain, as: UTF8.self))) != nil else {
            throw .invalid("card_pin", "must be 4–6 digits once decrypted")
        }
    }
}
