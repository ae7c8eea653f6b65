import AsyncHTTPClient
import Foundation
import MuseCardKit
import MuseCardSandbox
import Testing

/// Faults on demand, and the client's retries meeting them over a real socket.
@Suite struct FaultTests {
    static let card = (user: "60004408", id: "VC1000000001")
    var query: QueryCardRequest { QueryCardRequest(userId: Self.card.user, cardId: Self.card.id) }

    func faultCount(_ h: Harness, _ reason: String, path: String = "/v1/card/query") -> Int {
        Int(h.server.statsJSON["paths"]?[path]?["rejections"]?[reason]?.scalarText ?? "0") ?? 0
    }

    @Test func serverErrorIsRetriedAndTheClientSucceeds() async throws {
        let h = try await Harness.start(faults: FaultPlan(paths: ["/v1/card/query": FaultRule(serverErrorRate: 1, limit: 1)]))
        defer { Task { await h.stop() } }
        #expect(try await h.client.send(query).status == .active)
        #expect(faultCount(h, "fault.500") == 1)
    }

    @Test func sameSeedGivesTheSameFaults() async throws {
        func outcomes(seed: UInt64) async throws -> [Int] {
            let h = try await Harness.start(faults: FaultPlan(global: FaultRule(serverErrorRate: 0.5)), seed: seed)
            var statuses: [Int] = []
            for _ in 0..<16 { statuses.append(try await h.signedPost("/v1/card/query", ["user_id": "60004408", "card_id": "VC1000000001"]).status) }
            await h.stop()
            return statuses
        }
        let first = try await outcomes(seed: 42)
        #expect(first.contains(500) && first.contains(200))
        #expect(try await outcomes(seed: 42) == first)
    }

    @Test func rateLimitSendsRetryAfterAndTheClientWaitsAndSucceeds() async throws {
        let h = try await Harness.start(faults: FaultPlan(global: FaultRule(rateLimitRate: 1, retryAfterSeconds: 1, limit: 1)))
        defer { Task { await h.stop() } }
        let raw = try await h.signedPost("/v1/card/query", ["user_id": "60004408", "card_id": "VC1000000001"])
        #expect(raw.status == 429)
        #expect(raw.headers["retry-after"] == "1")
        h.server.setFaults(FaultPlan(global: FaultRule(rateLimitRate: 1, retryAfterSeconds: 1, limit: 1)))
        #expect(try await h.client.send(query).status == .active)
        #expect(faultCount(h, "fault.429") == 2)
    }

    @Test func droppedConnectionIsATransportErrorThenARetrySucceeds() async throws {
        let h = try await Harness.start(faults: FaultPlan(global: FaultRule(dropRate: 1)), attempts: 1)
        defer { Task { await h.stop() } }
        await #expect(throws: (any Error).self) {
            try await h.signedPost("/v1/card/query", ["user_id": "60004408", "card_id": "VC1000000001"])
        }
        do {
            _ = try await h.client.send(query)
            Issue.record("a dropped connection gave an answer")
        } catch MusePayError.transport {
        } catch {
            Issue.record("expected a transport error, got \(error)")
        }
        // With retries, one dropped connection is survived.
        h.server.setFaults(FaultPlan(global: FaultRule(dropRate: 1, limit: 1)))
        let retrying = MusePayClient(configuration: try h.server.demoClientConfiguration(retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(20))))
        let card = try await retrying.send(query)
        await retrying.shutdown()
        #expect(card.status == .active)
    }

    @Test func malformedJSONIsUndecodable() async throws {
        let h = try await Harness.start(faults: FaultPlan(global: FaultRule(malformedRate: 1)))
        defer { Task { await h.stop() } }
        do {
            _ = try await h.client.send(query)
            Issue.record("a malformed answer was decoded")
        } catch MusePayError.undecodable {
        } catch {
            Issue.record("expected undecodable, got \(error)")
        }
        #expect(faultCount(h, "fault.malformed") == 3, "the client retried a safe request three times")
    }

    @Test func faultsChangeAtRunTimeOverHTTP() async throws {
        let h = try await Harness.start(attempts: 1)
        defer { Task { await h.stop() } }
        let base = h.server.baseURL.absoluteString
        let set = try await Harness.raw(base + "/_sandbox/faults", method: "POST",
                                        body: #"{"paths":{"/v1/card/lock":{"error_rate":1}},"seed":9}"#)
        #expect(set.status == 200)
        await #expect(throws: MusePayError.httpStatus(500, message: "INTERNAL_SERVER_ERROR: sandbox fault")) {
            try await h.client.send(LockCardRequest(userId: Self.card.user, cardId: Self.card.id))
        }
        #expect(try await h.client.send(query).status == .active, "other paths are untouched")
        let bad = try await Harness.raw(base + "/_sandbox/faults", method: "POST", body: #"{"error_rate":2}"#)
        #expect(bad.status == 400)
        #expect(bad.message.contains("error_rate"))
        #expect(try await Harness.raw(base + "/_sandbox/faults", method: "POST", body: "{}").status == 200)
        #expect(try await h.client.send(LockCardRequest(userId: Self.card.user, cardId: Self.card.id)).status == .locked)
    }
}
