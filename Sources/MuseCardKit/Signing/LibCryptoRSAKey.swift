import CLibCrypto
import Foundation
import Synchronization

/// The partner private key held by the system's libcrypto (OpenSSL 3) for signing.
///
/// Why not swift-crypto's BoringSSL: on CPUs with AVX-512 IFMA OpenSSL 3 signs RSA-2048 about
/// twice as fast (4,800 against 2,300 a second a core on these machines), and signing is the
/// floor of every signed call. Signatures are byte-identical (PKCS#1 v1.5 is deterministic).
final class LibCryptoRSAKey: @unchecked Sendable {
    // Sendable by design: the EVP_PKEY is never changed after loading (OpenSSL allows sharing it
    // between threads), and each signing context is used by one caller at a time, under `idle`.
    private let key: OpaquePointer
    private let idle = Mutex<[SigningContext]>([])

    /// An EVP_PKEY_CTX, handed from one caller to the next under `idle`.
    private struct SigningContext: @unchecked Sendable { let pointer: OpaquePointer }

    /// Loads a PKCS#1 or PKCS#8 DER private key; nil when libcrypto refuses it.
    init?(der: Data) {
        let loaded: OpaquePointer? = der.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
            var cursor: UnsafePointer<UInt8>? = base
            return d2i_AutoPrivateKey(nil, &cursor, raw.count)
        }
        guard let loaded else { return nil }
        guard EVP_PKEY_get_base_id(loaded) == EVP_PKEY_RSA else {
            EVP_PKEY_free(loaded)
            return nil
        }
        key = loaded
    }

    deinit {
        for context in idle.withLock({ $0 }) { EVP_PKEY_CTX_free(context.pointer) }
        EVP_PKEY_free(key)  // clears the private numbers
    }

    /// RSASSA-PKCS1-v1_5 signature of a SHA-1 digest; nil when libcrypto fails.
    func sign(sha1Digest digest: some ContiguousBytes) -> [UInt8]? {
        guard let context = idle.withLock({ $0.popLast() })?.pointer ?? newContext() else { return nil }
        var signature = [UInt8](repeating: 0, count: Int(EVP_PKEY_get_size(key)))
        var length = signature.count
        let status = digest.withUnsafeBytes { raw in
            EVP_PKEY_sign(context, &signature, &length, raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count)
        }
        guard status == 1 else {
            EVP_PKEY_CTX_free(context)  // a context in an unknown state is not reused
            return nil
        }
        idle.withLock { $0.append(SigningContext(pointer: context)) }
        return Array(signature.prefix(length))
    }

    /// A signing context set to PKCS#1 v1.5 padding over SHA-1.
    private func newContext() -> OpaquePointer? {
        guard let context = EVP_PKEY_CTX_new(key, nil) else { return nil }
        guard EVP_PKEY_sign_init(context) == 1,
              EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PADDING) == 1,
              EVP_PKEY_CTX_set_signature_md(context, EVP_sha1()) == 1 else {
            EVP_PKEY_CTX_free(context)
            return nil
        }
        return context
    }
}
