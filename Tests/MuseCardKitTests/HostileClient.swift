import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// A client for the hostile-server tests: quick retries, and a timeout long enough for a loaded machine
/// (the tests of timeouts give their own, short ones).
enum HostileClient {
    static func make(_ base: URL, timeout: Duration = .seconds(30), attempts: Int = 3) throws -> MusePayClient {
        let signer = RequestSigner(key: try RSAKeyLoader.signingKey(text: try Fixtures.text("keys/partner_private.pem"), source: "t"))
        let configuration = try ClientConfiguration(
            baseURL: base, partnerId: "200001", signer: signer,
            connectTimeout: .seconds(10), requestTimeout: timeout,
            retry: RetryPolicy(maxAttempts: attempts, baseDelay: .milliseconds(20), maxDelay: .seconds(1))
        )
        return MusePayClient(configuration: configuration)
    }

    /// The error `send` ends with; records an issue when it succeeds.
    static func failure<Request: MusePayRequest>(_ client: MusePayClient, _ request: Request) async -> MusePayError? {
        do {
            let answer = try await client.send(request)
            Issue.record("expected an error, got \(answer)")
            return nil
        } catch {
            return error
        }
    }

    /// A success envelope around `data`.
    static func envelope(_ data: String) -> String { #"{"code":200,"message":"success","data":\#(data)}"# }
}
