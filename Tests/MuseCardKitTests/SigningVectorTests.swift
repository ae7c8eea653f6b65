import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// The signing vectors made by the openssl CLI, reproduced byte for byte.
struct SigningVectorTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String
        let body: [String: JSONValue]
        let canonical: String
        let sign: String
        var testDescription: String { name }
    }

    static let vectors: [Vector] = {
        guard let text = try? Fixtures.text("signing_vectors.json"),
              let document = try? JSONParser.parse(text),
              case .array(let items)? = document["vectors"] else { return [] }
        return items.compactMap { item in
            guard let name = item["name"]?.scalarText, let body = item["body"]?.objectValue,
                  let canonical = item["canonical"]?.scalarText, let sign = item["sign"]?.scalarText else { return nil }
            return Vector(name: name, body: body, canonical: canonical, sign: sign)
        }
    }()

    static func signer() throws -> RequestSigner {
        RequestSigner(key: try RSAKeyLoader.signingKey(text: try Fixtures.text("keys/partner_private.pem"), source: "test key"))
    }

    @Test func allVectorsAreLoaded() {
        #expect(Self.vectors.count == 12)
    }

    @Test(arguments: vectors)
    func canonicalStringMatches(_ vector: Vector) {
        #expect(CanonicalString.make(from: vector.body) == vector.canonical)
    }

    @Test(arguments: vectors)
    func signatureMatchesOpenSSL(_ vector: Vector) throws {
        #expect(try Self.signer().sign(vector.body) == vector.sign)
    }

    @Test(arguments: vectors)
    func publicKeyVerifiesSignature(_ vector: Vector) throws {
        let verifier = try SignatureVerifier(text: try Fixtures.text("keys/partner_public.pem"), source: "test key")
        #expect(verifier.isValid(signature: vector.sign, body: vector.body))
        var tampered = vector.body
        tampered["nonce"] = "tampered"
        #expect(!verifier.isValid(signature: vector.sign, body: tampered))
    }

    /// OpenSSL's libcrypto signs: it is twice as fast as swift-crypto here, and signing is the
    /// floor of every call (a batch's cards a second follow it).
    @Test func libCryptoSigns() throws {
        #expect(try Self.signer().library == "OpenSSL libcrypto")
    }

    /// A batch signs from many tasks at once: every signature is the one the vectors expect.
    @Test func signaturesMadeAtOnceAreAllRight() async throws {
        let signer = try Self.signer()
        let vectors = Self.vectors
        let wrong = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for round in 0..<25 {
                        let vector = vectors[(worker + round) % vectors.count]
                        if (try? signer.sign(vector.body)) != vector.sign { wrong += 1 }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wrong == 0)
    }

    @Test func bareBase64DERKeySignsTheSame() throws {
        let der = RequestSigner(key: try RSAKeyLoader.signingKey(text: try Fixtures.text("keys/partner_private.b64"), source: "b64"))
        let vector = try #require(Self.vectors.first)
        #expect(try der.sign(vector.body) == vector.sign)
    }

    @Test func pkcs1PEMKeySignsTheSame() async throws {
        let pkcs1 = try await Self.opensslPKCS1(Fixtures.path("keys/partner_private.pem"))
        #expect(pkcs1.contains("BEGIN RSA PRIVATE KEY"))
        let signer = RequestSigner(key: try RSAKeyLoader.signingKey(text: pkcs1, source: "pkcs1"))
        let vector = try #require(Self.vectors.first)
        #expect(try signer.sign(vector.body) == vector.sign)
    }

    static func opensslPKCS1(_ path: String) async throws -> String {
        let result = try await ProcessRunner.run("/usr/bin/openssl", ["rsa", "-in", path, "-traditional"])
        return result.stdout
    }

    /// The typed requests write the same fields the vectors sign.
    @Test func requestsProduceTheVectorsCanonicalStrings() throws {
        let context = RequestContext(pinCipher: nil)
        let common: [String: JSONValue] = ["partner_id": "200001", "sign_type": "RSA", "timestamp": "1764057600", "nonce": "5K8264ILTKCH16CQ2502SI8ZNMTM67VS"]
        func canonical(_ fields: [String: JSONValue]) -> String {
            CanonicalString.make(from: fields.merging(common) { a, _ in a })
        }
        let byName = Dictionary(uniqueKeysWithValues: Self.vectors.map { ($0.name, $0.canonical) })
        let limit = try DecimalAmount(parsing: "500.50")
        #expect(canonical(LockCardRequest(userId: "60004408", cardId: "VC130798262733").fields(context: context)) == byName["lock"])
        #expect(canonical(LimitChangeRequest(userId: "60004408", cardId: "VC130798262733", dailyPurchaseLimit: limit).fields(context: context)) == byName["limit_change_decimal"])
        #expect(canonical(ApplyCardRequest(userId: "60004408", requestId: "req-2026-0001", cardProductId: "P1001", cardLevel: "1", phoneAreaCode: "86", phoneNumber: "13312360000", embossedName: "KATHE MULLER").fields(context: context)) == byName["apply"])
        #expect(canonical(ApplyCardRequest(userId: "60004408", requestId: "req-2026-0002", cardProductId: "P1001", cardLevel: "1", phoneAreaCode: "86", phoneNumber: "13312360000", embossedName: "").fields(context: context)) == byName["apply_without_optional"])
        #expect(canonical(ApplyResultRequest(userId: "60004408", requestId: "req-2026-0001").fields(context: context)) == byName["apply_result_without_apply_id"])
        #expect(canonical(UpdatePhoneRequest(userId: "60004408", cardId: "VC130798262733", phoneAreaCode: "1", phoneNumber: "2025550143").fields(context: context)) == byName["update_phone"])
        #expect(canonical(ReplaceCardRequest(userId: "60004408", originalCardId: "VC130798262733", replaceReason: "LOST", requestId: "rep-0001").fields(context: context)) == byName["replace"])
        #expect(canonical(SensitiveInfoRequest(userId: "60004408", cardId: "VC130798262733", ipAddress: "203.0.113.7").fields(context: context)) == byName["sensitive_info"])
    }

    /// The limit travels as a JSON number with the signed text, never a string or exponent.
    @Test func limitIsANumberInTheBody() throws {
        let request = LimitChangeRequest(userId: "u", cardId: "c", dailyPurchaseLimit: try DecimalAmount(parsing: "1000.00"))
        let text = JSONValue.object(request.fields(context: RequestContext(pinCipher: nil))).jsonText()
        #expect(text.contains(#""daily_purchase_limit":1000"#))
        #expect(!text.contains(#""1000""#))
    }
}
