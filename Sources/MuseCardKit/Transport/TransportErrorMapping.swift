import AsyncHTTPClient
import NIOCore
import NIOPosix

/// Sorts AsyncHTTPClient and NIO errors into the transport failures, split by whether the
/// request may have reached the service.
enum TransportErrorMapping {
    /// The failure for `error`; `requestWritten` is false when the transport never began
    /// writing the request, which then cannot have been processed whatever the error says.
    static func failure(for error: any Error, requestWritten: Bool) -> TransportFailure {
        let failure = classify(error)
        guard !requestWritten, failure.requestMayHaveLeft else { return failure }
        switch failure {
        case .timeout: return .connectTimeout
        case .connectionReset: return .notConnected("connection closed before the request was sent")
        case .other(let detail): return .notConnected(detail)
        case .connectTimeout, .connectionRefused, .notConnected: return failure
        }
    }

    /// The failure by the error's type alone.
    static func classify(_ error: any Error) -> TransportFailure {
        if error is AttemptDeadline.Exceeded { return .timeout }
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout, .getConnectionFromPoolTimeout: return .connectTimeout
            case .tlsHandshakeTimeout: return .notConnected("TLS handshake timed out")
            case .socksHandshakeTimeout, .httpProxyHandshakeTimeout: return .notConnected("proxy handshake timed out")
            case .deadlineExceeded, .readTimeout, .writeTimeout: return .timeout
            case .remoteConnectionClosed, .cancelled: return .connectionReset
            default: break
            }
        }
        if let channel = error as? ChannelError, case .connectTimeout = channel { return .connectTimeout }
        if let connection = error as? NIOConnectionError { return failure(connecting: connection) }
        if let io = error as? IOError { return failure(errno: io.errnoCode) ?? .other(short(error)) }
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return .connectionRefused }
        // TLS failures come from NIOSSL, which this module does not import: they happen before the request.
        if text.contains("NIOSSL") || text.contains("handshake") { return .notConnected(short(error)) }
        if text.contains("Connection reset") || text.contains("ioOnClosedChannel") { return .connectionReset }
        return .other(short(error))
    }

    /// Every address failed to connect, or the name did not resolve: nothing was sent.
    private static func failure(connecting error: NIOConnectionError) -> TransportFailure {
        let codes = error.connectionErrors.compactMap { ($0.error as? IOError)?.errnoCode }
        if codes.contains(ECONNREFUSED) { return .connectionRefused }
        if error.connectionErrors.contains(where: { failure in
            if case .connectTimeout? = failure.error as? ChannelError { return true }
            return false
        }) { return .connectTimeout }
        if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
            return .notConnected("cannot resolve \(error.host)")
        }
        if let code = codes.first, case .notConnected(let reason)? = failure(errno: code) { return .notConnected(reason) }
        return .notConnected(short(error))
    }

    private static func failure(errno code: Int32) -> TransportFailure? {
        switch code {
        case ECONNREFUSED: return .connectionRefused
        case ECONNRESET, EPIPE: return .connectionReset
        case ETIMEDOUT: return .timeout
        case EHOSTUNREACH, ENETUNREACH, EADDRNOTAVAIL: return .notConnected(String(cString: strerror(code)))
        default: return nil
        }
    }

    private static func short(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.count > 120 ? String(text.prefix(120)) + "…" : text
    }
}
