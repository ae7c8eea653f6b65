import Crypto
import CryptoExtras
import Foundation

/// Signs request bodies with SHA1withRSA (RSASSA-PKCS1-v1_5 over SHA-1) and the partner key.
public struct RequestSigner: Sendable {
    private let key: _RSA.Signing.PrivateKey
    /// The same key in the system's libcrypto, which signs twice as fast here; swift-crypto
    /// signs when libcrypto refuses the key.
    private let libCrypto: LibCryptoRSAKey?

    /// Wraps a loaded partner private key.
    public init(key: _RSA.Signing.PrivateKey) {
        self.key = key
        var der = key.derRepresentation
        libCrypto = LibCryptoRSAKey(der: der)
        der.resetBytes(in: 0..<der.count)
    }

    /// Which library signs: `OpenSSL libcrypto` or `swift-crypto` (for benchmarks).
    public var library: String { libCrypto == nil ? "swift-crypto" : "OpenSSL libcrypto" }

    /// Base64 signature of the canonical string of `body`.
    public func sign(_ body: [String: JSONValue]) throws(MusePayError) -> String {
        try sign(canonical: CanonicalString.make(from: body))
    }

    /// Base64 signature of an already canonical string.
    public func sign(canonical: String) throws(MusePayError) -> String {
        let digest = Insecure.SHA1.hash(data: Data(canonical.utf8))
        if let libCrypto {
            guard let signature = libCrypto.sign(sha1Digest: digest) else {
                throw .configuration("signing failed: the partner private key cannot sign")
            }
            return Data(signature).base64EncodedString()
        }
        do {
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
