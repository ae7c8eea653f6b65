import Foundation
import MuseCardKit
import MuseCardSandbox
import MuseCardTestSupport
import Testing

/// Hand-built bodies over raw HTTP: every check the service makes, with the answer it gives.
@Suite struct RejectionTests {
    static let query: [String: JSONValue] = ["user_id": "60004408", "card_id": "VC1000000001"]

    @Test func validRequestPassesAndCodeShapeIsFixedPerEndpoint() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let query = try await h.signedPost("/v1/card/query", Self.query)
        #expect(query.status == 200)
        #expect(query.json?["code"] == .number("200"), "query answers code as a number")
        #expect(query.json?["data"]?["card_level"] == "1", "card_level is a string in query")
        #expect(query.json?["data"]?["daily_purchaseLimit"] == .number("1000"))
        let phone = try await h.signedPost("/v1/card/update-phone", Self.query.merging(["phone_area_code": "49", "phone_number": "1701234567"]) { $1 })
        #expect(phone.json?["code"] == "200", "update-phone answers code as a string")
        let limit = try await h.signedPost("/v1/card/limitChange", Self.query.merging(["daily_purchase_limit": .number("750.25")]) { $1 })
        #expect(limit.code == "200")
        #expect(limit.json?["data"] == nil, "limitChange has no data")
    }

    @Test func badSignatureIs406() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        var body = try h.body(Self.query)
        body["card_id"] = "VC1000000002"
        let answer = try await h.post("/v1/card/query", body)
        #expect(answer.status == 200)
        #expect(answer.code == "406")
        #expect(answer.message.hasPrefix("SIGN_ERROR"))
    }

    @Test func timestampOutsideTheWindowIs412AndMillisecondsAreAccepted() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let old = try await h.post("/v1/card/query", try h.body(Self.query, timestamp: String(Int(h.clock.now.timeIntervalSince1970) - 301)))
        #expect(old.code == "412")
        #expect(old.message.contains("timestamp"))
        let millis = try await h.post("/v1/card/query", try h.body(Self.query, timestamp: String(Int64(h.clock.now.timeIntervalSince1970 * 1000))))
        #expect(millis.code == "200")
        let oldMillis = try await h.post("/v1/card/query", try h.body(Self.query, timestamp: String(Int64(h.clock.now.timeIntervalSince1970 * 1000) - 400_000)))
        #expect(oldMillis.code == "412")
    }

    @Test func reusedNonceIs412() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let nonce = Nonce.make()
        #expect(try await h.post("/v1/card/query", try h.body(Self.query, nonce: nonce)).code == "200")
        let again = try await h.post("/v1/card/query", try h.body(Self.query, nonce: nonce))
        #expect(again.code == "412")
        #expect(again.message.contains("nonce"))
    }

    @Test func nonceIsForgottenOnceItsWindowHasPassed() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let nonce = Nonce.make()
        #expect(try await h.post("/v1/card/query", try h.body(Self.query, nonce: nonce)).code == "200")
        h.clock.advance(700)
        let later = String(Int(h.clock.now.timeIntervalSince1970))
        #expect(try await h.post("/v1/card/query", try h.body(Self.query, timestamp: later, nonce: nonce)).code == "200",
                "a nonce older than twice the window is no longer remembered")
        #expect(try await h.post("/v1/card/query", try h.body(Self.query, timestamp: later, nonce: nonce)).code == "412")
    }

    @Test func nonLoopbackHostNeedsAllowRemote() async throws {
        await #expect(throws: MusePayError.self) {
            _ = try await SandboxServer.start(SandboxOptions(host: "0.0.0.0"))
        }
    }

    @Test func missingOrMalformedFieldsAre400NamingTheField() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let missing = try await h.signedPost("/v1/card/query", ["user_id": "60004408"])
        #expect(missing.status == 400)
        #expect(missing.message == "INVALID_REQUEST: card_id is missing")
        var unsigned = try h.body(Self.query)
        unsigned["nonce"] = nil
        let noNonce = try await h.post("/v1/card/query", unsigned)
        #expect(noNonce.status == 400)
        #expect(noNonce.message.contains("nonce"))
        let phone = try await h.signedPost("/v1/card/update-phone", Self.query.merging(["phone_area_code": "49", "phone_number": "12ab"]) { $1 })
        #expect(phone.status == 400)
        #expect(phone.message.contains("phone_number"))
        for limit: JSONValue in [.number("1e3"), .number("10.555"), .number("-5"), "abc", true] {
            let answer = try await h.signedPost("/v1/card/limitChange", Self.query.merging(["daily_purchase_limit": limit]) { $1 })
            #expect(answer.status == 400, "limit \(limit)")
            #expect(answer.message.contains("daily_purchase_limit"))
        }
        let notObject = try await h.post("/v1/card/query", text: "[1,2]")
        #expect(notObject.status == 400)
        #expect(notObject.message.contains("body"))
        let signType = try await h.signedPost("/v1/card/query", Self.query.merging(["sign_type": "MD5"]) { $1 })
        #expect(signType.status == 400)
        #expect(signType.message.contains("sign_type"))
    }

    @Test func unknownPathIs404AndUnknownPartnerIs401() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let path = try await h.signedPost("/v1/card/teleport", Self.query)
        #expect(path.status == 404)
        let partner = try await h.signedPost("/v1/card/query", Self.query.merging(["partner_id": "999999"]) { $1 })
        #expect(partner.status == 401)
        #expect(partner.message.contains("NOT_AUTHORIZED"))
    }

    @Test func statsCountRequestsAndRejectionsByReason() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        _ = try await h.signedPost("/v1/card/query", Self.query)
        _ = try await h.signedPost("/v1/card/query", ["user_id": "60004408"])
        var bad = try h.body(Self.query)
        bad["user_id"] = "60004409"
        _ = try await h.post("/v1/card/query", bad)
        let stats = try #require(try await Harness.raw(h.server.baseURL.absoluteString + "/_sandbox/stats", method: "GET").json)
        let query = stats["paths"]?["/v1/card/query"]
        #expect(query?["requests"] == .number("3"))
        #expect(query?["rejections"]?["INVALID_REQUEST"] == .number("1"))
        #expect(query?["rejections"]?["SIGN_ERROR"] == .number("1"))
    }

    @Test func resetRestoresTheDemoState() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        _ = try await h.client.send(LockCardRequest(userId: Demo.kaethe, cardId: "VC1000000001"))
        let reset = try await Harness.raw(h.server.baseURL.absoluteString + "/_sandbox/reset", method: "POST", body: "{}")
        #expect(reset.status == 200)
        #expect(try await h.client.send(QueryCardRequest(userId: Demo.kaethe, cardId: "VC1000000001")).status == .active)
    }

    @Test func configuredKeysReplaceTheDemoKeys() async throws {
        let h = try await Harness.start { options in
            options.partnerPublicKey = (try? Fixtures.text("keys/partner_public.pem")) ?? ""
        }
        defer { Task { await h.stop() } }
        let demoSigned = try await h.signedPost("/v1/card/query", Self.query)
        #expect(demoSigned.code == "406")
        let fixtureSigner = RequestSigner(key: try RSAKeyLoader.signingKey(text: try Fixtures.text("keys/partner_private.pem"), source: "t"))
        var body = try h.body(Self.query)
        body["sign"] = nil
        let answer = try await h.post("/v1/card/query", try fixtureSigner.signed(body))
        #expect(answer.code == "200")
    }
}
