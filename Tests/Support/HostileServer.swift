import Foundation
import NIOCore
import NIOPosix

/// A raw TCP server on loopback that misbehaves in ways an HTTP framework will not: it reads
/// each request in full, then answers per `Behaviour`. Everything runs on NIO's event loops, so
/// a server that stalls or trickles never holds a thread of Swift's cooperative pool.
public final class HostileServer: Sendable {
    /// What the server does once a request has arrived.
    public enum Behaviour: Sendable {
        /// Never answers; the connection stays open.
        case silent
        /// Closes the connection without a byte of answer.
        case closeAfterRequest
        /// Sends the whole answer (head and body as given) at once.
        case answer(head: String, body: [UInt8])
        /// Sends the head at once, then the body one byte per `interval`.
        case trickle(head: String, body: [UInt8], interval: TimeAmount)
        /// Writes `text` as soon as a client connects, then closes (a TLS client gets no handshake).
        case greetAndClose(String)
    }

    /// The base URL, `http://127.0.0.1:PORT`.
    public let baseURL: URL
    private let channel: any Channel
    private let counter: RequestCounter

    /// Starts a server that treats every request the same way.
    public static func start(_ behaviour: Behaviour) async throws -> HostileServer {
        let counter = RequestCounter()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(HostileHandler(behaviour: behaviour, counter: counter))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port, let url = URL(string: "http://127.0.0.1:\(port)") else {
            throw CancellationError()
        }
        return HostileServer(baseURL: url, channel: channel, counter: counter)
    }

    private init(baseURL: URL, channel: any Channel, counter: RequestCounter) {
        self.baseURL = baseURL
        self.channel = channel
        self.counter = counter
    }

    /// How many whole requests arrived.
    public var requestCount: Int { counter.value }

    /// Stops listening (open connections close when their client gives up).
    public func stop() async {
        try? await channel.close()
    }

    /// A head for `status` with a `Content-Length` of `length`.
    public static func head(status: Int = 200, contentLength length: Int) -> String {
        "HTTP/1.1 \(status) X\r\nContent-Type: application/json\r\nContent-Length: \(length)\r\n\r\n"
    }
}

/// Counts requests across connections.
final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0  // guarded by `lock`

    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

/// Reads one request (head and `Content-Length` body), then misbehaves.
final class HostileHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let behaviour: HostileServer.Behaviour
    private let counter: RequestCounter
    private var received: [UInt8] = []

    init(behaviour: HostileServer.Behaviour, counter: RequestCounter) {
        self.behaviour = behaviour
        self.counter = counter
    }

    func channelActive(context: ChannelHandlerContext) {
        if case .greetAndClose(let text) = behaviour {
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(Self.wrapOutboundOut(ByteBuffer(string: text))).whenComplete { _ in bound.value.close(promise: nil) }
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        received += Self.unwrapInboundIn(data).readableBytesView
        guard let length = completeLength() else { return }
        received.removeFirst(length)
        counter.increment()
        let channel = context.channel
        switch behaviour {
        case .silent, .greetAndClose:
            break
        case .closeAfterRequest:
            context.close(promise: nil)
        case .answer(let head, let body):
            context.writeAndFlush(Self.wrapOutboundOut(ByteBuffer(bytes: Array(head.utf8) + body)), promise: nil)
        case .trickle(let head, let body, let interval):
            context.writeAndFlush(Self.wrapOutboundOut(ByteBuffer(string: head)), promise: nil)
            Self.trickle(channel, body[...], every: interval)
        }
    }

    /// The byte count of the first whole request in `received`, once it is all there.
    private func completeLength() -> Int? {
        let marker: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = received.indices.first(where: { received[$0...].starts(with: marker) }) else { return nil }
        let head = String(decoding: received[..<end], as: UTF8.self).lowercased()
        let length = head.split(separator: "\r\n").lazy
            .compactMap { line -> Int? in
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[0] == "content-length" else { return nil }
                return Int(parts[1].trimmingCharacters(in: .whitespaces))
            }.first ?? 0
        let total = end + marker.count + length
        return received.count >= total ? total : nil
    }

    /// Writes one byte, then schedules the next; stops when the client has gone.
    private static func trickle(_ channel: any Channel, _ rest: ArraySlice<UInt8>, every interval: TimeAmount) {
        guard let byte = rest.first, channel.isActive else { return }
        channel.writeAndFlush(ByteBuffer(bytes: [byte])).whenSuccess {
            channel.eventLoop.scheduleTask(in: interval) { trickle(channel, rest.dropFirst(), every: interval) }
        }
    }
}
