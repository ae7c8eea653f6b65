import Foundation
import MuseCardKit

extension SandboxServer {
    /// A client configuration for this sandbox with the demo keys, ready for `MusePayClient`.
    public func demoClientConfiguration(retry: RetryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(50)),
                                        requestTimeout: Duration = .seconds(10)) throws -> ClientConfiguration {
        try SandboxServer.demoClientConfiguration(baseURL: baseURL, partnerId: options.partnerId, retry: retry,
                                                  requestTimeout: requestTimeout)
    }

    /// A client configuration for any sandbox started with the demo keys.
    public static func demoClientConfiguration(baseURL: URL, partnerId: String = "200001",
                                               retry: RetryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(50)),
                                               requestTimeout: Duration = .seconds(10)) throws -> ClientConfiguration {
        let signer = RequestSigner(key: try RSAKeyLoader.signingKey(text: DemoKeys.partnerPrivateKey, source: "demo partner key"))
        let cipher = PINCipher(key: try RSAKeyLoader.encryptionKey(text: DemoKeys.platformPublicKey, source: "demo platform key"))
        return try ClientConfiguration(baseURL: baseURL, partnerId: partnerId, signer: signer, pinCipher: cipher,
                                       connectTimeout: .seconds(2), requestTimeout: requestTimeout, retry: retry)
    }
}
