import HTTPTypes
import NIOCore

/// Closes the connection instead of sending a response that carries the drop marker header:
/// the client sees the connection go away with no answer, as with a crashed upstream.
final class DropConnectionHandler: ChannelOutboundHandler, RemovableChannelHandler {
    // The parts are NIOHTTPTypes' `HTTPResponsePart`; that module is not a dependency of this
    // target, so the head is found by reflection and everything else passes through untouched.
    typealias OutboundIn = Any
    typealias OutboundOut = Any

    /// Set on a response to have it dropped.
    static let marker = "x-musecard-sandbox-drop"
    private var dropping = false

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if dropping {
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        if let head = Self.responseHead(unwrapOutboundIn(data)), head.headerFields.contains(where: { $0.name.canonicalName == Self.marker }) {
            dropping = true
            promise?.fail(ChannelError.ioOnClosedChannel)
            context.close(promise: nil)
            return
        }
        context.write(data, promise: promise)
    }

    /// The `HTTPResponse` of a `.head` part, else nil.
    static func responseHead(_ part: Any) -> HTTPResponse? {
        guard let child = Mirror(reflecting: part).children.first, child.label == "head" else { return nil }
        return child.value as? HTTPResponse
    }
}
