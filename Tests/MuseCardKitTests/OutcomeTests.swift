import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// Each way an attempt can end, over a real socket, classified as DESIGN.md's outcome table says.
@Suite(.serialized)
struct OutcomeTests {
    static let lock = LockCardRequest(userId: "U1", cardId: "C1")

    func expect(_ error: MusePayError?, _ outcome: Outcome, exit: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(error?.outcome(isChange: true) == outcome, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.exitCode(isChange: true) == exit, "\(String(describing: error))", sourceLocation: sourceLocation)
    }

    @Test func connectionRefusedIsNotSent() async throws {
        let client = try HostileClient.make(try #require(URL(string: "http://127.0.0.1:9")), attempts: 1)
        let error = await HostileClient.failure(client, Self.lock)
        await client.shutdown()
        // Refused at once, or (on a machine so loaded the refusal comes late) not connected in time:
        // either way nothing left.
        #expect(error == .transport(.connectionRefused) || error == .transport(.connectTimeout), "\(String(describing: error))")
        expect(error, .notSent, exit: ExitCodes.unreachable)
    }

    /// A TLS handshake that fails happens before the request: nothing was sent.
    @Test func failedTLSHandshakeIsNotSent() async throws {
        let server = try await HostileServer.start(.greetAndClose("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"))
        let port = try #require(server.baseURL.port)
        let client = try HostileClient.make(try #require(URL(string: "https://127.0.0.1:\(port)")), attempts: 1)
        let error = await HostileClient.failure(client, Self.lock)
        await client.shutdown()
        await server.stop()
        // The handshake error itself, or (when the pool keeps trying until the connect deadline) no connection in time.
        guard case .transport(let failure)? = error, !failure.requestMayHaveLeft else { Issue.record("got \(String(describing: error))"); return }
        expect(error, .notSent, exit: ExitCodes.unreachable)
    }

    @Test func closeAfterReadingTheRequestIsUnknown() async throws {
        let server = try await HostileServer.start(.closeAfterRequest)
        let client = try HostileClient.make(server.baseURL, attempts: 1)
        let error = await HostileClient.failure(client, Self.lock)
        await client.shutdown()
        #expect(server.requestCount == 1)
        await server.stop()
        #expect(error == .transport(.connectionReset))
        expect(error, .unknown, exit: ExitCodes.unknown)
    }

    @Test func silentServerIsUnknownWithinTheDeadline() async throws {
        let server = try await HostileServer.start(.silent)
        let client = try HostileClient.make(server.baseURL, timeout: .milliseconds(400), attempts: 1)
        let start = ContinuousClock.now
        let error = await HostileClient.failure(client, Self.lock)
        let waited = ContinuousClock.now - start
        await client.shutdown()
        await server.stop()
        #expect(error == .transport(.timeout))
        #expect(waited < .seconds(20), "a silent server would hold the call for ever; the deadline ends it (waited \(waited))")
        expect(error, .unknown, exit: ExitCodes.unknown)
    }

    @Test func serverErrorThreeTimesIsUnknown() async throws {
        let server = try await ScriptedServer.start(["/v1/card/lock": [ScriptedReply(status: 500, body: "")]])
        let client = try HostileClient.make(server.baseURL)
        let error = await HostileClient.failure(client, Self.lock)
        await client.shutdown()
        #expect(await server.received("/v1/card/lock").count == 3)
        await server.stop()
        expect(error, .unknown, exit: ExitCodes.unknown)
    }

    @Test func rateLimitThreeTimesIsNotSent() async throws {
        let server = try await ScriptedServer.start(["/v1/card/lock": [ScriptedReply(status: 429, body: #"{"code":429,"message":"RATE_LIMIT_REACHED"}"#)]])
        let client = try HostileClient.make(server.baseURL)
        let error = await HostileClient.failure(client, Self.lock)
        await client.shutdown()
        #expect(await server.received("/v1/card/lock").count == 3)
        await server.stop()
        expect(error, .notSent, exit: ExitCodes.unreachable)
    }

    @Test func badRequestIsRefused() async throws {
        let server = try await ScriptedServer.start(["/v1/card/lock": [ScriptedReply(status: 400, body: #"{"code":400,"message":"INVALID_REQUEST"}"#)]])
        let client = try HostileClient.make(server.baseURL)
        let error = await HostileClient.failure(client, Self.lock)
        await client.shutdown()
        #expect(await server.received("/v1/card/lock").count == 1)
        await server.stop()
        expect(error, .refused, exit: ExitCodes.refused)
    }

    @Test func undecodableAnswerToALockIsUnknown() async throws {
        let server = try await ScriptedServer.start(["/v1/card/lock": [ScriptedReply(body: "<html>busy</html>")]])
        let client = try HostileClient.make(server.baseURL, attempts: 1)
        let error = await HostileClient.failure(client, Self.lock)
        await client.shutdown()
        await server.stop()
        guard case .undecodable? = error else { Issue.record("got \(String(describing: error))"); return }
        expect(error, .unknown, exit: ExitCodes.unknown)
        #expect(error?.exitCode(isChange: false) == ExitCodes.undecodable, "the same answer to a query is 65")
    }
}
