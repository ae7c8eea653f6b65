import Foundation
import Synchronization

/// The request body as bytes that remember whether the transport read them.
///
/// AsyncHTTPClient turns a small collection into its one body buffer only once a connection (and
/// TLS) is up and the head is being written; a failure before that cannot have reached the service.
/// A collection, not a stream: the body is then written on the event loop itself, where a stream
/// was pulled by a task of its own per request (a thread hop and a second write per call).
final class RequestBodyProbe: Collection, Sendable {
    private let bytes: [UInt8]
    private let pulled = Atomic(false)

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// True once the transport began writing the request.
    var wasPulled: Bool { pulled.load(ordering: .acquiring) }

    private func markPulled() { pulled.store(true, ordering: .releasing) }

    var startIndex: Int { bytes.startIndex }
    var endIndex: Int { bytes.endIndex }
    var count: Int { bytes.count }
    func index(after index: Int) -> Int { index + 1 }
    subscript(position: Int) -> UInt8 { bytes[position] }

    func makeIterator() -> IndexingIterator<[UInt8]> {
        markPulled()
        return bytes.makeIterator()
    }

    func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        markPulled()
        return try bytes.withUnsafeBufferPointer(body)
    }
}
