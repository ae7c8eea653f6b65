import MuseCardKit

/// How one path (or every path) misbehaves: rates are chances per request, 0…1.
public struct FaultRule: Sendable, Equatable {
    /// Added to every answer.
    public var latencyMs: Int
    /// A further random delay of 0…jitter.
    public var jitterMs: Int
    /// Chance of HTTP 500.
    public var serverErrorRate: Double
    /// Chance of HTTP 429 with `Retry-After`.
    public var rateLimitRate: Double
    /// The `Retry-After` seconds sent with 429.
    public var retryAfterSeconds: Int
    /// Chance of closing the connection without an answer.
    public var dropRate: Double
    /// Chance of an HTTP 200 whose body is cut-off JSON.
    public var malformedRate: Double
    /// Faults stop after this many have been injected; `nil` = never.
    public var limit: Int?

    public init(latencyMs: Int = 0, jitterMs: Int = 0, serverErrorRate: Double = 0, rateLimitRate: Double = 0,
                retryAfterSeconds: Int = 1, dropRate: Double = 0, malformedRate: Double = 0, limit: Int? = nil) {
        self.latencyMs = max(0, latencyMs)
        self.jitterMs = max(0, jitterMs)
        self.serverErrorRate = serverErrorRate
        self.rateLimitRate = rateLimitRate
        self.retryAfterSeconds = max(0, retryAfterSeconds)
        self.dropRate = dropRate
        self.malformedRate = malformedRate
        self.limit = limit
    }

    /// `rate` spread evenly over the four fault kinds.
    public static func mixed(rate: Double) -> FaultRule {
        FaultRule(serverErrorRate: rate / 4, rateLimitRate: rate / 4, dropRate: rate / 4, malformedRate: rate / 4)
    }

    var isQuiet: Bool {
        latencyMs == 0 && jitterMs == 0 && serverErrorRate <= 0 && rateLimitRate <= 0 && dropRate <= 0 && malformedRate <= 0
    }
}

/// The whole fault plan: a rule for every path, and rules that replace it on single paths.
public struct FaultPlan: Sendable, Equatable {
    public var global: FaultRule
    /// Keyed by request path, e.g. `/v1/card/lock`.
    public var paths: [String: FaultRule]
    /// API requests admitted per second (a fixed one-second window, as the service counts);
    /// more are answered 429 with `Retry-After: 1`. `nil` = no limit.
    public var rateLimitPerSecond: Int?

    public init(global: FaultRule = FaultRule(), paths: [String: FaultRule] = [:], rateLimitPerSecond: Int? = nil) {
        self.global = global
        self.paths = paths
        self.rateLimitPerSecond = rateLimitPerSecond.map { max(1, $0) }
    }

    func rule(for path: String) -> FaultRule { paths[path] ?? global }
}

/// The one fault (or none) chosen for a request.
enum FaultDecision: Equatable {
    case none
    case serverError
    case rateLimited(retryAfter: Int)
    case drop
    case malformed

    var name: String {
        switch self {
        case .none: return "none"
        case .serverError: return "fault.500"
        case .rateLimited: return "fault.429"
        case .drop: return "fault.drop"
        case .malformed: return "fault.malformed"
        }
    }
}
