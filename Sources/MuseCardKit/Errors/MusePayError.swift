/// Everything that can go wrong talking to MusePay, each with a one-line human message.
public enum MusePayError: Error, Sendable, Equatable {
    /// The service answered with a non-200 business `code`.
    case refused(code: String, message: String)
    /// The service answered with a non-200 HTTP status.
    case httpStatus(Int, message: String?)
    /// The request never got an answer.
    case transport(TransportFailure)
    /// The answer was not the JSON the contract promises.
    case undecodable(String)
    /// Missing or bad configuration (base URL, partner id, keys).
    case configuration(String)
    /// A private key file that group or others may read.
    case keyPermissions(path: String, mode: UInt32)
    /// A request field failed validation before anything was sent.
    case validation(field: String, reason: String)
}

/// Why a request got no answer, and whether it may have reached the service.
public enum TransportFailure: Sendable, Equatable {
    /// No connection within the connect timeout: nothing was sent.
    case connectTimeout
    /// The host refused the connection: nothing was sent.
    case connectionRefused
    /// No connection could be made (name resolution, TLS handshake, no route): nothing was sent.
    case notConnected(String)
    /// The answer did not arrive before the deadline, after the request was written.
    case timeout
    /// The connection closed after the request was written.
    case connectionReset
    /// Anything else after connecting; the request may have left.
    case other(String)

    /// Whether the service may have received the request.
    public var requestMayHaveLeft: Bool {
        switch self {
        case .connectTimeout, .connectionRefused, .notConnected: return false
        case .timeout, .connectionReset, .other: return true
        }
    }
}

extension MusePayError: CustomStringConvertible {
    /// The one-line message shown to a person.
    public var description: String {
        switch self {
        case .refused(let code, let message):
            return "MusePay refused the request: \(code) \(message)"
        case .httpStatus(let status, let message):
            let name = MusePayError.httpStatusNames[status]
            let detail = message.map { MusePayError.withoutRepeat($0, status: status, name: name) }.flatMap { $0.isEmpty ? nil : $0 }
            return "MusePay answered HTTP \(status)" + (name.map { " \($0)" } ?? "") + (detail.map { ": \($0)" } ?? "")
        case .transport(let failure):
            return failure.requestMayHaveLeft ? "no answer from MusePay: \(failure)" : "MusePay is unreachable: \(failure)"
        case .undecodable(let detail):
            return "MusePay sent an answer that cannot be read: \(detail)"
        case .configuration(let detail):
            return "configuration: \(detail)"
        case .keyPermissions(let path, let mode):
            return "private key \(path) is readable by group or others (mode \(String(mode, radix: 8))); run: chmod 600 \(path)"
        case .validation(let field, let reason):
            return "\(field): \(reason)"
        }
    }

    /// True when the service itself answered (a refusal or an HTTP error status).
    public var isServiceAnswer: Bool {
        switch self {
        case .refused, .httpStatus: return true
        default: return false
        }
    }

    /// `message` without a leading status number or status name the line already says.
    static func withoutRepeat(_ message: String, status: Int, name: String?) -> String {
        var rest = Substring(message.trimmingCharacters(in: .whitespaces))
        for prefix in [String(status), name].compactMap({ $0 }) where rest.hasPrefix(prefix) {
            let after = rest.dropFirst(prefix.count)
            guard after.isEmpty || after.first == " " || after.first == ":" else { continue }
            rest = after.drop { $0 == " " || $0 == ":" }
        }
        return String(rest)
    }

    static let httpStatusNames: [Int: String] = [
        400: "INVALID_REQUEST", 401: "NOT_AUTHORIZED", 403: "FORBIDDEN", 404: "RESOURCE_NOT_FOUND",
        410: "GONE", 429: "RATE_LIMIT_REACHED", 500: "INTERNAL_SERVER_ERROR", 502: "BAD_GATEWAY",
        503: "SERVICE_UNAVAILABLE", 504: "GATEWAY_TIMEOUT",
    ]
}

extension TransportFailure: CustomStringConvertible {
    public var description: String {
        switch self {
        case .connectTimeout: return "could not connect in time"
        case .connectionRefused: return "connection refused"
        case .notConnected(let detail): return "could not connect (\(detail))"
        case .timeout: return "no answer in time"
        case .connectionReset: return "connection closed before the answer"
        case .other(let detail): return detail
        }
    }
}
