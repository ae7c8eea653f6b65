import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MuseCardKit
import NIOCore
import ServiceLifecycle

/// One scripted answer of the test server.
public struct ScriptedReply: Sendable {
    public var status: Int
    public var body: String
    public var headers: [String: String]
    public var delay: Duration

    public init(status: Int = 200, body: String, headers: [String: String] = [:], delay: Duration = .zero) {
        self.status = status
        self.body = body
        self.headers = headers
        self.delay = delay
    }

    /// A success envelope around `data` (JSON text), code as a number.
    public static func ok(_ data: String? = nil) -> ScriptedReply {
        ScriptedReply(body: data.map { #"{"code":200,"message":"success","data":\#($0)}"# } ?? #"{"code":"200","message":"success"}"#)
    }
}

/// A real HTTP server on loopback that answers POSTs from a script and records what it got.
public final class ScriptedServer: Sendable {
    /// The base URL, `http://127.0.0.1:PORT`.
    public let baseURL: URL
    private let state: ScriptState
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    /// Starts the server; every path answers from its own queue, the last reply repeating.
    public static func start(_ script: [String: [ScriptedReply]]) async throws -> ScriptedServer {
        let state = ScriptState(script: script)
        let router = Router()
        router.post("**") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let reply = await state.next(path: request.uri.path, body: Array(bytes.readableBytesView))
            if reply.delay > .zero { try await Task.sleep(for: reply.delay) }
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            for (name, value) in reply.headers {
                if let field = HTTPField.Name(name) { headers[field] = value }
            }
            return Response(status: .init(code: reply.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: reply.body)))
        }
        let port = PortPromise()
        var logger = Logger(label: "scripted-server")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in await port.fulfil(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task { try await group.run() }
        let number = await port.value()
        guard let url = URL(string: "http://127.0.0.1:\(number)") else { throw CancellationError() }
        return ScriptedServer(baseURL: url, state: state, group: group, task: task)
    }

    private init(baseURL: URL, state: ScriptState, group: ServiceGroup, task: Task<Void, any Error>) {
        self.baseURL = baseURL
        self.state = state
        self.group = group
        self.task = task
    }

    /// The parsed bodies received on `path`, in order.
    public func received(_ path: String) async -> [JSONValue] { await state.received[path] ?? [] }

    /// Stops the server and waits for it.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}

actor ScriptState {
    var script: [String: [ScriptedReply]]
    var received: [String: [JSONValue]] = [:]

    init(script: [String: [ScriptedReply]]) { self.script = script }

    func next(path: String, body: [UInt8]) -> ScriptedReply {
        received[path, default: []].append((try? JSONParser.parse(body)) ?? .null)
        guard var queue = script[path], let first = queue.first else {
            return ScriptedReply(status: 404, body: #"{"code":404,"message":"RESOURCE_NOT_FOUND"}"#)
        }
        if queue.count > 1 { queue.removeFirst(); script[path] = queue }
        return first
    }
}

/// A value set once by one task and awaited by another.
actor PortPromise {
    private var port: Int?
    private var waiters: [CheckedContinuation<Int, Never>] = []

    func fulfil(_ value: Int) {
        port = value
        waiters.forEach { $0.resume(returning: value) }
        waiters = []
    }

    func value() async -> Int {
        if let port { return port }
        return await withCheckedContinuation { waiters.append($0) }
    }
}
