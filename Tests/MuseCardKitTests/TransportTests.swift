import Foundation
import MuseCardKit
import MuseCardTestSupport
import Synchronization
import Testing

/// Retries, timeouts and error mapping against a real HTTP server on loopback.
@Suite(.serialized)
struct TransportTests {
    static let card = #"{"user_id":"U1","card_id":"C1","card_status":"ACTIVE"}"#

    func client(_ server: ScriptedServer?, base: URL? = nil, timeout: Duration = .seconds(30), attempts: Int = 3,
                onRetry: (@Sendable (Int, Int, String) -> Void)? = nil) throws -> MusePayClient {
        let signer = RequestSigner(key: try RSAKeyLoader.signingKey(text: try Fixtures.text("keys/partner_private.pem"), source: "t"))
        let cipher = PINCipher(key: try RSAKeyLoader.encryptionKey(file: Fixtures.path("keys/platform_public.pem")))
        let url = try #require(base ?? server?.baseURL)
        let configuration = try ClientConfiguration(
            baseURL: url, partnerId: "200001", signer: signer, pinCipher: cipher,
            connectTimeout: .seconds(2), requestTimeout: timeout,
            retry: RetryPolicy(maxAttempts: attempts, baseDelay: .milliseconds(20), maxDelay: .seconds(2))
        )
        var withHook = configuration
        withHook.onRetry = onRetry
        return MusePayClient(configuration: withHook)
    }

    @Test func signedBodyReachesTheServer() async throws {
        let server = try await ScriptedServer.start(["/v1/card/query": [.ok(Self.card)]])
        let client = try client(server)
        let card = try await client.send(QueryCardRequest(userId: "U1", cardId: "C1"))
        await client.shutdown()
        let bodies = await server.received("/v1/card/query")
        await server.stop()
        #expect(card.status == .active)
        let body = try #require(bodies.first?.objectValue)
        let verifier = try SignatureVerifier(text: try Fixtures.text("keys/partner_public.pem"), source: "t")
        #expect(verifier.isValid(signature: try #require(body["sign"]?.scalarText), body: body))
        #expect(body["sign_type"] == "RSA")
        #expect(body["partner_id"] == "200001")
        let timestamp = try #require(body["timestamp"]?.scalarText.flatMap(Int.init))
        #expect(abs(timestamp - Int(Date().timeIntervalSince1970)) < 60, "timestamp is in seconds")
        #expect(body["nonce"]?.scalarText?.count == 32)
    }

    @Test func aClientLeftWithoutShutdownClosesItsPoolInsteadOfCrashing() async throws {
        let server = try await ScriptedServer.start(["/v1/card/query": [.ok(Self.card)]])
        do {
            // A caller that leaves early (a thrown error) never reaches shutdown(); a debug build of
            // AsyncHTTPClient used to stop the whole process when the pool was dropped open.
            let client = try client(server)
            #expect(try await client.send(QueryCardRequest(userId: "U1", cardId: "C1")).status == .active)
        }
        try await Task.sleep(for: .milliseconds(200))
        await server.stop()
    }

    @Test func serverErrorThenSuccessIsRetriedAndResigned() async throws {
        let server = try await ScriptedServer.start(["/v1/card/lock": [
            ScriptedReply(status: 500, body: "oops"),
            .ok(#"{"user_id":"U1","card_id":"C1","card_status":"LOCK"}"#),
        ]])
        let client = try client(server)
        let answer = try await client.send(LockCardRequest(userId: "U1", cardId: "C1"))
        await client.shutdown()
        let bodies = await server.received("/v1/card/lock")
        await server.stop()
        #expect(answer.status == .locked)
        #expect(bodies.count == 2)
        #expect(bodies[0]["nonce"] != bodies[1]["nonce"], "each attempt has a fresh nonce")
        #expect(bodies[0]["sign"] != bodies[1]["sign"], "each attempt is signed anew")
    }

    @Test func rateLimitHonoursRetryAfter() async throws {
        let server = try await ScriptedServer.start(["/v1/card/query": [
            ScriptedReply(status: 429, body: #"{"code":429,"message":"RATE_LIMIT_REACHED"}"#, headers: ["Retry-After": "1"]),
            .ok(Self.card),
        ]])
        let client = try client(server)
        let start = ContinuousClock.now
        _ = try await client.send(QueryCardRequest(userId: "U1", cardId: "C1"))
        let waited = ContinuousClock.now - start
        await client.shutdown()
        let count = await server.received("/v1/card/query").count
        await server.stop()
        #expect(count == 2)
        #expect(waited >= .milliseconds(950), "waited at least the Retry-After second")
    }

    @Test func persistentServerErrorGivesUpAfterThreeAttempts() async throws {
        let server = try await ScriptedServer.start(["/v1/card/query": [ScriptedReply(status: 503, body: "")]])
        let client = try client(server)
        await #expect(throws: MusePayError.httpStatus(503, message: nil)) {
            try await client.send(QueryCardRequest(userId: "U1", cardId: "C1"))
        }
        await client.shutdown()
        #expect(await server.received("/v1/card/query").count == 3)
        await server.stop()
    }

    @Test func eachRetryIsAnnouncedWithItsNumberBeforeItIsSent() async throws {
        let server = try await ScriptedServer.start(["/v1/card/query": [ScriptedReply(status: 503, body: "")]])
        let told = Mutex<[String]>([])
        let client = try client(server) { attempt, most, path in told.withLock { $0.append("\(attempt)/\(most) \(path)") } }
        _ = try? await client.send(QueryCardRequest(userId: "U1", cardId: "C1"))
        await client.shutdown()
        await server.stop()
        #expect(told.withLock { $0 } == ["2/3 /v1/card/query", "3/3 /v1/card/query"], "the first attempt is no retry")
    }

    @Test func unsafeRequestIsNeverRepeated() async throws {
        let server = try await ScriptedServer.start(["/v1/card/change-pin": [ScriptedReply(status: 500, body: "")]])
        let client = try client(server)
        await #expect(throws: MusePayError.httpStatus(500, message: nil)) {
            try await client.send(ChangePINRequest(userId: "U1", cardId: "C1", pin: try PIN("1234")))
        }
        await client.shutdown()
        #expect(await server.received("/v1/card/change-pin").count == 1)
        await server.stop()
    }

    @Test func refusalIsNotRetried() async throws {
        let server = try await ScriptedServer.start(["/v1/card/unlock": [ScriptedReply(body: #"{"code":"5004","message":"USER_STATUS_INVALID"}"#)]])
        let client = try client(server)
        await #expect(throws: MusePayError.refused(code: "5004", message: "USER_STATUS_INVALID")) {
            try await client.send(UnlockCardRequest(userId: "U1", cardId: "C1"))
        }
        await client.shutdown()
        #expect(await server.received("/v1/card/unlock").count == 1)
        await server.stop()
    }

    @Test func badRequestStatusKeepsTheServiceMessage() async throws {
        let server = try await ScriptedServer.start(["/v1/card/query": [ScriptedReply(status: 400, body: #"{"code":400,"message":"INVALID_REQUEST: card_id is missing"}"#)]])
        let client = try client(server)
        await #expect(throws: MusePayError.httpStatus(400, message: "INVALID_REQUEST: card_id is missing")) {
            try await client.send(QueryCardRequest(userId: "U1", cardId: "C1"))
        }
        await client.shutdown()
        #expect(await server.received("/v1/card/query").count == 1)
        await server.stop()
    }

    @Test func malformedAnswerIsRetriedThenUndecodable() async throws {
        let server = try await ScriptedServer.start(["/v1/card/query": [ScriptedReply(body: #"{"code":200,"data":{"#)]])
        let client = try client(server)
        do {
            _ = try await client.send(QueryCardRequest(userId: "U1", cardId: "C1"))
            Issue.record("expected an error")
        } catch {
            guard case .undecodable = error else { Issue.record("got \(error)"); return }
        }
        await client.shutdown()
        #expect(await server.received("/v1/card/query").count == 3)
        await server.stop()
    }

    @Test func slowAnswerTimesOut() async throws {
        let server = try await ScriptedServer.start(["/v1/card/query": [ScriptedReply(body: Self.card, delay: .seconds(3))]])
        let client = try client(server, timeout: .milliseconds(300), attempts: 2)
        await #expect(throws: MusePayError.transport(.timeout)) {
            try await client.send(QueryCardRequest(userId: "U1", cardId: "C1"))
        }
        await client.shutdown()
        #expect(await server.received("/v1/card/query").count == 2)
        await server.stop()
    }

    @Test func closedPortIsConnectionRefused() async throws {
        let client = try client(nil, base: URL(string: "http://127.0.0.1:9"), attempts: 2)
        await #expect(throws: MusePayError.transport(.connectionRefused)) {
            try await client.send(QueryCardRequest(userId: "U1", cardId: "C1"))
        }
        await client.shutdown()
    }

    @Test func invalidFieldsAreNeverSent() async throws {
        let server = try await ScriptedServer.start(["/v1/card/update-phone": [.ok("{}")]])
        let client = try client(server)
        await #expect(throws: MusePayError.validation(field: "phone_number", reason: "must be 4–15 digits (got \"12\")")) {
            try await client.send(UpdatePhoneRequest(userId: "U1", cardId: "C1", phoneAreaCode: "1", phoneNumber: "12"))
        }
        await client.shutdown()
        #expect(await server.received("/v1/card/update-phone").isEmpty)
        await server.stop()
    }

    @Test func backoffGrowsAndIsCapped() {
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(100), maxDelay: .seconds(1))
        #expect(policy.delay(afterAttempt: 1, retryAfter: nil, random: 1) == .milliseconds(100))
        #expect(policy.delay(afterAttempt: 2, retryAfter: nil, random: 1) == .milliseconds(200))
        #expect(policy.delay(afterAttempt: 2, retryAfter: nil, random: 0.5) == .milliseconds(100))
        #expect(policy.delay(afterAttempt: 9, retryAfter: nil, random: 1.5) == .seconds(1))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(30)) == .seconds(1))
    }

    @Test func httpStatusTextSaysTheStatusOnce() {
        #expect(MusePayError.httpStatus(500, message: "500 INTERNAL_SERVER_ERROR: sandbox fault").description
            == "MusePay answered HTTP 500 INTERNAL_SERVER_ERROR: sandbox fault")
        #expect(MusePayError.httpStatus(400, message: "INVALID_REQUEST: card_id is missing").description
            == "MusePay answered HTTP 400 INVALID_REQUEST: card_id is missing")
        #expect(MusePayError.httpStatus(503, message: "maintenance").description == "MusePay answered HTTP 503 SERVICE_UNAVAILABLE: maintenance")
        #expect(MusePayError.httpStatus(500, message: "500").description == "MusePay answered HTTP 500 INTERNAL_SERVER_ERROR")
    }
}
