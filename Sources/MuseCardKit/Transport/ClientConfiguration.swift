import Foundation

/// Where and how to reach MusePay: base URL, partner identity, keys, timeouts and retries.
public struct ClientConfiguration: Sendable {
    public var baseURL: URL
    public var partnerId: String
    public var signer: RequestSigner
    public var pinCipher: PINCipher?
    public var connectTimeout: Duration
    /// The whole request, from connect to the last byte of the answer.
    public var requestTimeout: Duration
    public var retry: RetryPolicy
    /// Told of every 429 with its `Retry-After`, so a batch can slow the whole run, not one request.
    public var onRateLimited: (@Sendable (Duration?) -> Void)?
    /// Told before each retry: the attempt about to be made, the most there will be, and the path,
    /// so a front can show "retrying 2/3" while the agent waits.
    public var onRetry: (@Sendable (_ attempt: Int, _ maxAttempts: Int, _ path: String) -> Void)?

    public init(baseURL: URL, partnerId: String, signer: RequestSigner, pinCipher: PINCipher? = nil,
                connectTimeout: Duration = .seconds(5), requestTimeout: Duration = .seconds(15),
                retry: RetryPolicy = RetryPolicy()) throws(MusePayError) {
        try ClientConfiguration.checkBaseURL(baseURL)
        try FieldRules.id(partnerId, field: "partner_id")
        self.baseURL = baseURL
        self.partnerId = partnerId
        self.signer = signer
        self.pinCipher = pinCipher
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.retry = retry
    }

    /// Accepts `https://`, and `http://` only for loopback hosts.
    public static func checkBaseURL(_ url: URL) throws(MusePayError) {
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw .configuration("base URL \(url.absoluteString) is not an absolute http(s) URL")
        }
        switch scheme {
        case "https": return
        case "http":
            if isLoopback(host) { return }
            throw .configuration("base URL \(url.absoluteString) uses plain http:// to a non-loopback host; use https://")
        default:
            throw .configuration("base URL \(url.absoluteString) must start with https://")
        }
    }

    /// `localhost`, 127.0.0.0/8 and ::1.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}

/// At most `maxAttempts` tries with exponential backoff and jitter, honouring `Retry-After`.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration

    public init(maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(10)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The pause before attempt `attempt + 1`: the server's `Retry-After` when given, else
    /// `base · 2^(attempt-1)` with ±50 % jitter; never more than `maxDelay`.
    public func delay(afterAttempt attempt: Int, retryAfter: Duration?,
                      random: Double = Double.random(in: 0.5...1.5)) -> Duration {
        if let retryAfter { return min(retryAfter, maxDelay) }
        let exponential = baseDelay * (1 << min(attempt - 1, 16))
        return min(exponential * random, maxDelay)
    }
}
