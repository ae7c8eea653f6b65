import Foundation

/// Which MusePay a base URL points at; production is shown unmistakably wherever a profile shows.
public enum ServiceEnvironment: String, Sendable {
    case sandbox, test, production, custom

    /// Classifies a base URL: `api.musepay.io` is production, `api.test.musepay.io` test, loopback (or none) the sandbox.
    public static func classify(baseURL: String?) -> ServiceEnvironment {
        guard let baseURL else { return .sandbox }
        guard let host = URL(string: baseURL)?.host?.lowercased() else { return .custom }
        switch host {
        case "api.musepay.io": return .production
        case "api.test.musepay.io": return .test
        case "localhost", "::1", "[::1]": return .sandbox
        default: return host.hasPrefix("127.") ? .sandbox : .custom
        }
    }

    /// A short label for status lines: `PRODUCTION` in capitals, the others lower-case.
    public var label: String { self == .production ? "PRODUCTION" : rawValue }
}
