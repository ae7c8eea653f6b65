import Crypto
import CryptoExtras
import Foundation

/// Signs request bodies with SHA1withRSA (RSASSA-PKCS1-v1_5 over SHA-1) and the partner key.
public struct RequestSigner: Sendable {
    private let key: _RSA.Signing.PrivateKey

    /// Wraps a loaded partner private key.
    public init(key: _RSA.Signing.PrivateKey) { self.key = key }

    /// Base64 signature of the canonical string of `body`.
    public func sign(_ body: [String: JSONValue]) throws(MusePayError) -> String {
        try sign(canonical: CanonicalString.make(from: body))
    }

    /// Base64 signature of an already canonical string.
    public func sign(canonical: String) throws(MusePayError) -> String {
        do {
            let digest = Insecure.SHA1.hash(data: Data(canonical.utf8))
            let signature = try key.signature(for: digest, padding: .insecurePKCS1v1_5)
            return signature.rawRepresentation.base64EncodedString()
        } catch {
            throw .configuration("signing failed: the partner private key cannot sign")
        }
    }

    /// Adds `sign` to a body that already holds the common fields.
    public func signed(_ body: [String: JSONValue]) throws(MusePayError) -> [String: JSONValue] {
        var out = body
        out["sign"] = .string(try sign(body))
        return out
    }
}
