import CryptoExtras
import Foundation

/// Reads RSA keys from PEM (PKCS#8, PKCS#1, SubjectPublicKeyInfo) or bare base64 DER.
public enum RSAKeyLoader {
    /// Loads a partner private key for signing from key text.
    public static func signingKey(text: String, source: String) throws(MusePayError) -> _RSA.Signing.PrivateKey {
        try key(text, source: source, kind: "private", pem: _RSA.Signing.PrivateKey.init(pemRepresentation:),
                der: _RSA.Signing.PrivateKey.init(derRepresentation:))
    }

    /// Loads a public key for PIN encryption from key text.
    public static func encryptionKey(text: String, source: String) throws(MusePayError) -> _RSA.Encryption.PublicKey {
        try key(text, source: source, kind: "public", pem: _RSA.Encryption.PublicKey.init(pemRepresentation:),
                der: _RSA.Encryption.PublicKey.init(derRepresentation:))
    }

    /// Loads a public key for checking signatures from key text.
    public static func verifyingKey(text: String, source: String) throws(MusePayError) -> _RSA.Signing.PublicKey {
        try key(text, source: source, kind: "public", pem: _RSA.Signing.PublicKey.init(pemRepresentation:),
                der: _RSA.Signing.PublicKey.init(derRepresentation:))
    }

    /// PEM when the text has a `-----BEGIN` line, else base64 DER; any failure names `source`.
    private static func key<Key>(_ text: String, source: String, kind: String,
                                 pem: (String) throws -> Key, der makeFromDER: (Data) throws -> Key) throws(MusePayError) -> Key {
        do {
            if text.contains("-----BEGIN") { return try pem(text) }
            return try makeFromDER(try der(text, source: source))
        } catch let error as MusePayError {
            throw error
        } catch {
            throw .configuration("\(source) is not an RSA \(kind) key (PEM or base64 DER)")
        }
    }

    /// Loads a private key file, refusing one that group or others may read (as ssh does).
    public static func signingKey(file path: String) throws(MusePayError) -> _RSA.Signing.PrivateKey {
        try checkOwnerOnly(path)
        return try signingKey(text: try readText(path), source: path)
    }

    /// Loads the platform public key file, refusing one that group or others may change: whoever
    /// can swap it decides who can read the PINs encrypted with it.
    public static func encryptionKey(file path: String) throws(MusePayError) -> _RSA.Encryption.PublicKey {
        try checkNotWritableByOthers(path)
        return try encryptionKey(text: try readText(path), source: path)
    }

    /// Refuses a secret file that group or others may read.
    public static func checkOwnerOnly(_ path: String) throws(MusePayError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .configuration("cannot read key file \(path): \(String(cString: strerror(errno)))") }
        let mode = info.st_mode & 0o777
        if mode & 0o077 != 0 {
            throw .keyPermissions(path: path, mode: UInt32(mode))
        }
    }

    /// Refuses a file that group or others may write.
    public static func checkNotWritableByOthers(_ path: String) throws(MusePayError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .configuration("cannot read key file \(path): \(String(cString: strerror(errno)))") }
        let mode = info.st_mode & 0o777
        if mode & 0o022 != 0 {
            throw .configuration("public key \(path) is writable by group or others (mode \(String(mode, radix: 8))); run: chmod go-w \(path)")
        }
    }

    static func readText(_ path: String) throws(MusePayError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .configuration("cannot read key file \(path)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func der(_ text: String, source: String) throws(MusePayError) -> Data {
        guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters), !data.isEmpty else {
            throw .configuration("\(source) is neither PEM nor base64 DER")
        }
        return data
    }
}
