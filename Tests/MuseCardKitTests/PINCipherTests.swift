import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// PIN encryption checked the only way a randomised padding allows: a round trip through openssl.
struct PINCipherTests {
    func decryptWithOpenSSL(_ base64: String) async throws -> String {
        let data = try #require(Data(base64Encoded: base64))
        let file = Fixtures.scratchPath("pin").appendingPathExtension("bin")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await ProcessRunner.run("/usr/bin/openssl", ["pkeyutl", "-decrypt", "-inkey", Fixtures.path("keys/platform_private.pem"), "-in", file.path])
        #expect(result.status == 0, "openssl: \(result.stderr)")
        return result.stdout
    }

    @Test(arguments: ["1234", "000000", "98765"])
    func opensslDecryptsThePIN(_ digits: String) async throws {
        let cipher = PINCipher(key: try RSAKeyLoader.encryptionKey(file: Fixtures.path("keys/platform_public.pem")))
        let encrypted = try cipher.encrypt(try PIN(digits))
        #expect(encrypted.count == 344, "2048-bit ciphertext in base64")
        #expect(try await decryptWithOpenSSL(encrypted) == digits)
    }

    @Test func bareBase64PublicKeyWorks() async throws {
        let cipher = PINCipher(key: try RSAKeyLoader.encryptionKey(file: Fixtures.path("keys/platform_public.b64")))
        #expect(try await decryptWithOpenSSL(try cipher.encrypt(try PIN("4321"))) == "4321")
    }

    @Test func paddingIsRandomised() throws {
        let cipher = PINCipher(key: try RSAKeyLoader.encryptionKey(file: Fixtures.path("keys/platform_public.pem")))
        let pin = try PIN("1234")
        #expect(try cipher.encrypt(pin) != cipher.encrypt(pin))
    }

    @Test func pinNeverPrintsItsDigits() throws {
        let pin = try PIN("5678")
        #expect(!"\(pin)".contains("5678"))
        #expect(!String(reflecting: pin).contains("5678"))
    }
}
