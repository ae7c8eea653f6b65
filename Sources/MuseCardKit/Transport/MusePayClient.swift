import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// Sends signed requests to MusePay over HTTP, with timeouts and safe retries.
public final class MusePayClient: Sendable {
    public let configuration: ClientConfiguration
    private let http: HTTPClient
    private let logger: Logger
    private let clock: @Sendable () -> Date
    private let isShutDown = Mutex(false)
    /// The base URL as text without its trailing slash, made once rather than per request.
    private let base: String

    /// Makes a client with its own connection pool; call `shutdown()` when done.
    public init(configuration: ClientConfiguration, logger: Logger = Logger(label: "musecard.client"),
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.configuration = configuration
        self.logger = logger
        self.clock = clock
        base = configuration.baseURL.absoluteString.trimmingSuffix("/")
        var httpConfig = HTTPClient.Configuration()
        httpConfig.timeout = .init(connect: .nanoseconds(configuration.connectTimeout.nanoseconds))
        httpConfig.redirectConfiguration = .disallow
        // No tracer is ever set up: without this, every request still made a (no-op) span and its attributes.
        httpConfig.tracing.tracer = nil
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfig)
    }

    /// Closes the connection pool.
    public func shutdown() async {
        isShutDown.withLock { $0 = true }
        try? await http.shutdown()
    }

    // A caller that left early (a thrown error between making and shutting down) must not leak the
    // pool or trip AsyncHTTPClient's debug check: the pool is closed in the background instead.
    deinit {
        guard !isShutDown.withLock({ $0 }) else { return }
        http.shutdown().whenComplete { _ in }
    }

    /// Validates, signs and sends a request; safe requests are retried on 429, 5xx and
    /// transport failures, each attempt signed anew.
    public func send<Request: MusePayRequest>(_ request: Request) async throws(MusePayError) -> Request.Response {
        try request.validate()
        let fields = try request.fields(context: RequestContext(pinCipher: configuration.pinCipher))
        let attempts = Request.isRetrySafe ? configuration.retry.maxAttempts : 1
        var attempt = 1
        while true {
            let response: Request.Response
            do {
                response = try await performAttempt(Request.self, fields: fields, number: attempt)
            } catch let failure {
                guard attempt < attempts, failure.isRetryable else { throw failure.error }
                let pause = configuration.retry.delay(afterAttempt: attempt, retryAfter: failure.retryAfter)
                logger.info("retrying", metadata: ["path": "\(Request.path)", "attempt": "\(attempt)", "error": "\(failure.error)", "pause_ms": "\(pause.milliseconds)"])
                configuration.onRetry?(attempt + 1, attempts, Request.path)
                try? await Task.sleep(for: pause)
                attempt += 1
                continue
            }
            // An answer about another card is wrong whatever its shape; asking again will not fix it.
            try request.check(response)
            return response
        }
    }

    /// The body of one attempt: the request's fields, the common fields and the signature.
    public func signedBody(fields: [String: JSONValue]) throws(MusePayError) -> [String: JSONValue] {
        var body = fields
        body["partner_id"] = .string(configuration.partnerId)
        body["sign_type"] = "RSA"
        body["timestamp"] = .string(String(Int(clock().timeIntervalSince1970)))
        body["nonce"] = .string(Nonce.make())
        return try configuration.signer.signed(body)
    }

    private func performAttempt<Request: MusePayRequest>(_ type: Request.Type, fields: [String: JSONValue], number: Int) async throws(AttemptFailure) -> Request.Response {
        let body: [String: JSONValue]
        do { body = try signedBody(fields: fields) } catch { throw AttemptFailure(error: error, isRetryable: false) }
        let answer = try await post(path: Request.path, body: JSONValue.object(body).jsonBytes)
        let status = answer.status
        logger.debug("answer", metadata: ["path": "\(Request.path)", "attempt": "\(number)", "status": "\(status)"])
        let envelope: ResponseEnvelope?
        do { envelope = try ResponseEnvelope(bytes: answer.bytes) } catch {
            if status == 200 { throw AttemptFailure(error: error, isRetryable: true) }
            envelope = nil
        }
        guard status == 200, let envelope else {
            let retryable = status == 429 || status >= 500
            // The envelope's code usually repeats the HTTP status: keep it only when it says more.
            let message = envelope.map { $0.code == String(status) ? $0.message : "\($0.code) \($0.message)" }
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let retryAfter = retryable ? AttemptFailure.retryAfter(answer.headers) : nil
            if status == 429 { configuration.onRateLimited?(retryAfter) }
            throw AttemptFailure(error: .httpStatus(status, message: message), isRetryable: retryable, retryAfter: retryAfter)
        }
        guard envelope.isSuccess else {
            throw AttemptFailure(error: .refused(code: envelope.code, message: envelope.message), isRetryable: false)
        }
        do { return try Request.Response(data: envelope.data) } catch { throw AttemptFailure(error: error, isRetryable: true) }
    }

    /// The most of an answer that is read; more is not a MusePay answer.
    static let maxAnswerBytes = 4 << 20

    private func post(path: String, body: [UInt8]) async throws(AttemptFailure) -> HTTPAnswer {
        var request = HTTPClientRequest(url: base + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json")
        let probe = RequestBodyProbe(bytes: body)
        request.body = .bytes(probe, length: .known(Int64(body.count)))
        let timeout = configuration.requestTimeout
        let deadline = ContinuousClock.now + timeout
        do {
            return try await AttemptDeadline.run(until: deadline) { [http, request] in
                let response = try await http.execute(request, timeout: .nanoseconds(timeout.nanoseconds))
                let buffer = try await response.body.collect(upTo: MusePayClient.maxAnswerBytes)
                return HTTPAnswer(status: Int(response.status.code), headers: response.headers, bytes: Array(buffer.readableBytesView))
            }
        } catch is NIOTooManyBytesError {
            // The service answered, but not with anything this client can read; asking again will not shrink it.
            throw AttemptFailure(error: .undecodable("the answer is larger than \(MusePayClient.maxAnswerBytes >> 20) MiB"), isRetryable: false)
        } catch {
            let failure = TransportErrorMapping.failure(for: error, requestWritten: probe.wasPulled)
            throw AttemptFailure(error: .transport(failure), isRetryable: true)
        }
    }
}

/// The status, headers and body of one answer.
struct HTTPAnswer: Sendable {
    let status: Int
    let headers: HTTPHeaders
    let bytes: [UInt8]
}

/// One failed attempt and whether trying again may help.
struct AttemptFailure: Error {
    let error: MusePayError
    let isRetryable: Bool
    var retryAfter: Duration? = nil

    /// `Retry-After` in seconds, or as an HTTP date.
    static func retryAfter(_ headers: HTTPHeaders) -> Duration? {
        guard let value = headers.first(name: "Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value), seconds >= 0 { return .milliseconds(Int64(seconds * 1000)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .milliseconds(Int64(max(0, date.timeIntervalSinceNow) * 1000))
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    var milliseconds: Int64 { nanoseconds / 1_000_000 }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
