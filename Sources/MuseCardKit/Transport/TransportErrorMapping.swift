import AsyncHTTPClient
import NIOCore
import NIOPosix

/// Sorts AsyncHTTPClient and NIO errors into timeout, refused, reset or other.
enum TransportErrorMapping {
    static func failure(for error: any Error) -> TransportFailure {
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout: return .connectTimeout
            case .deadlineExceeded, .readTimeout, .writeTimeout: return .timeout
            case .remoteConnectionClosed, .cancelled: return .connectionReset
            default: break
            }
        }
        if let channel = error as? ChannelError, case .connectTimeout = channel { return .connectTimeout }
        if error is NIOConnectionError { return .notConnected(String(describing: error).prefix(120).description) }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return .connectionRefused
            case ECONNRESET, EPIPE: return .connectionReset
            case ETIMEDOUT: return .timeout
            case EHOSTUNREACH, ENETUNREACH: return .notConnected(String(cString: strerror(io.errnoCode)))
            default: break
            }
        }
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return .connectionRefused }
        if text.contains("Connection reset") || text.contains("ioOnClosedChannel") { return .connectionReset }
        return .other(text.count > 120 ? String(text.prefix(120)) + "…" : text)
    }
}
