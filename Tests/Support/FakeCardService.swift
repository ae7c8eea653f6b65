import Foundation
import MuseCardKit
import Synchronization

/// An in-memory MusePay for unit tests of rules: answers each path from a script (the last
/// answer repeating), validates like the client and records what was sent.
public final class FakeCardService: CardService {
    /// One scripted answer: the `data` of a success envelope, or an error.
    public enum Answer: Sendable {
        case ok(JSONValue?)
        case fail(MusePayError)
    }

    /// One request as it was sent: its path and its fields.
    public struct Sent: Sendable, Equatable {
        public var path: String
        public var fields: [String: JSONValue]
    }

    private let state: Mutex<(script: [String: [Answer]], sent: [Sent])>

    /// A service answering `script[path]` in order.
    public init(_ script: [String: [Answer]] = [:]) {
        state = Mutex((script, []))
    }

    /// Every request sent, in order.
    public var sent: [Sent] { state.withLock { $0.sent } }

    /// Adds answers for a path.
    public func script(_ path: String, _ answers: Answer...) {
        state.withLock { $0.script[path, default: []].append(contentsOf: answers) }
    }

    public func send<Request: MusePayRequest>(_ request: Request) async throws(MusePayError) -> Request.Response {
        try request.validate()
        let fields = (try? request.fields(context: RequestContext(pinCipher: nil))) ?? [:]
        let answer = state.withLock { box -> Answer? in
            box.sent.append(Sent(path: Request.path, fields: fields))
            guard var queue = box.script[Request.path], let first = queue.first else { return nil }
            if queue.count > 1 { queue.removeFirst() }
            box.script[Request.path] = queue
            return first
        }
        switch answer {
        case .ok(let data)?: return try Request.Response(data: data)
        case .fail(let error)?: throw error
        case nil: throw .transport(.connectionRefused)
        }
    }
}
