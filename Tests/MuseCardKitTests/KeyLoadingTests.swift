import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

struct KeyLoadingTests {
    @Test func ownerOnlyKeyFileLoads() throws {
        let path = try Fixtures.privateCopy("keys/partner_private.pem", mode: 0o600)
        _ = try RSAKeyLoader.signingKey(file: path)
    }

    @Test(arguments: [0o640, 0o644, 0o604])
    func keyReadableByOthersIsRefused(_ mode: Int) throws {
        let path = try Fixtures.privateCopy("keys/partner_private.pem", mode: mode)
        #expect(throws: MusePayError.keyPermissions(path: path, mode: UInt32(mode))) {
            try RSAKeyLoader.signingKey(file: path)
        }
        let message = MusePayError.keyPermissions(path: path, mode: UInt32(mode)).description
        #expect(message.contains("chmod 600"))
    }

    /// Whoever can rewrite the platform key decides who can read the PINs encrypted with it.
    @Test(arguments: [0o664, 0o646, 0o666])
    func platformKeyWritableByOthersIsRefused(_ mode: Int) throws {
        let path = try Fixtures.privateCopy("keys/platform_public.pem", mode: mode)
        let expected = MusePayError.configuration(
            "public key \(path) is writable by group or others (mode \(String(mode, radix: 8))); run: chmod go-w \(path)")
        #expect(throws: expected) { try RSAKeyLoader.encryptionKey(file: path) }
        _ = try RSAKeyLoader.encryptionKey(file: try Fixtures.privateCopy("keys/platform_public.pem", mode: 0o644))
    }

    @Test func garbageKeyIsAConfigurationError() throws {
        #expect(throws: MusePayError.self) { try RSAKeyLoader.signingKey(text: "not a key", source: "k") }
        do {
            _ = try RSAKeyLoader.signingKey(text: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", source: "k.pem")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("k.pem"))
        }
    }

    @Test func missingKeyFileNamesThePath() {
        #expect(throws: MusePayError.self) { try RSAKeyLoader.signingKey(file: "/nonexistent/key.pem") }
    }
}
