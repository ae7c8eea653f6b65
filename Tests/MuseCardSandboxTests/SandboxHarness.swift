import AsyncHTTPClient
import Foundation
import MuseCardKit
import MuseCardSandbox
import NIOCore
import Testing

/// A clock the test moves by hand; it stands still otherwise, so a slow machine changes nothing.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var offset: TimeInterval = 0

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return start.addingTimeInterval(offset)
    }

    func advance(_ seconds: TimeInterval) {
        lock.lock()
        offset += seconds
        lock.unlock()
    }
}

/// What a raw HTTP request got back.
struct RawAnswer {
    let status: Int
    let headers: [String: String]
    let text: String
    var json: JSONValue? { try? JSONParser.parse(text) }
    var code: String? { json?["code"]?.scalarText }
    var message: String { json?["message"]?.scalarText ?? "" }
}

/// A running sandbox plus a typed client and a raw HTTP client for hand-built bodies.
struct Harness {
    let server: SandboxServer
    let clock: TestClock
    let client: MusePayClient
    let signer: RequestSigner

    static func start(faults: FaultPlan = FaultPlan(), seed: UInt64 = 1, attempts: Int = 3,
                      configure: (inout SandboxOptions) -> Void = { _ in }) async throws -> Harness {
        let clock = TestClock()
        var options = SandboxOptions(faults: faults, seed: seed, auditDelay: .seconds(3), revealLifetime: .seconds(60),
                                     clock: { clock.now })
        configure(&options)
        let server = try await SandboxServer.start(options)
        // The sandbox's handlers share the test process's two pool threads with every other suite:
        // a loaded moment can hold an answer for seconds, so the deadline is not what a test checks.
        let configuration = try server.demoClientConfiguration(retry: RetryPolicy(maxAttempts: attempts, baseDelay: .milliseconds(20)),
                                                               requestTimeout: .seconds(60))
        let signer = RequestSigner(key: try RSAKeyLoader.signingKey(text: DemoKeys.partnerPrivateKey, source: "demo"))
        return Harness(server: server, clock: clock, client: MusePayClient(configuration: configuration), signer: signer)
    }

    func stop() async {
        await client.shutdown()
        await server.stop()
    }

    /// A signed body with the common fields; `override` replaces or removes (`nil`) fields before signing.
    func body(_ fields: [String: JSONValue], timestamp: String? = nil, nonce: String? = nil) throws -> [String: JSONValue] {
        var body = fields
        body["partner_id"] = body["partner_id"] ?? "200001"
        body["sign_type"] = body["sign_type"] ?? "RSA"
        body["timestamp"] = .string(timestamp ?? String(Int(clock.now.timeIntervalSince1970)))
        body["nonce"] = .string(nonce ?? Nonce.make())
        return try signer.signed(body)
    }

    /// POSTs text as is.
    func post(_ path: String, text: String) async throws -> RawAnswer {
        try await Harness.raw(server.baseURL.absoluteString + path, method: "POST", body: text)
    }

    /// POSTs a body (signed by the caller or not) as JSON.
    func post(_ path: String, _ body: [String: JSONValue]) async throws -> RawAnswer {
        try await post(path, text: JSONValue.object(body).jsonText())
    }

    /// Signs `fields` and POSTs them.
    func signedPost(_ path: String, _ fields: [String: JSONValue]) async throws -> RawAnswer {
        try await post(path, try body(fields))
    }

    static func raw(_ url: String, method: String, body: String? = nil) async throws -> RawAnswer {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        request.headers.add(name: "Content-Type", value: "application/json")
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 1 << 20)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return RawAnswer(status: Int(response.status.code), headers: headers, text: String(buffer: buffer))
    }
}

/// Demo ids used across the tests (documented in the README).
enum Demo {
    static let kaethe = "60004408"
    static let zhang = "60004409"
    static let hostile = "60004410"
}
