import Foundation
import NIOCore

/// The request body as a one-chunk stream that remembers whether the transport asked for it.
///
/// AsyncHTTPClient pulls a streamed body only once a connection (and TLS) is up and the head is
/// being written; a failure before that cannot have reached the service.
final class RequestBodyProbe: AsyncSequence, @unchecked Sendable {
    typealias Element = ByteBuffer

    private let bytes: [UInt8]
    private let lock = NSLock()
    private var pulled = false  // guarded by `lock`

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// True once the transport began writing the request.
    var wasPulled: Bool { lock.withLock { pulled } }

    private func markPulled() { lock.withLock { pulled = true } }

    func makeAsyncIterator() -> Iterator { Iterator(probe: self) }

    struct Iterator: AsyncIteratorProtocol {
        let probe: RequestBodyProbe
        var done = false

        mutating func next() async -> ByteBuffer? {
            guard !done else { return nil }
            done = true
            probe.markPulled()
            return ByteBuffer(bytes: probe.bytes)
        }
    }
}
