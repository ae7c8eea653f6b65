import ArgumentParser
import Foundation
import MuseCardKit

/// Where MusePay is and who we are: flags, each overriding the environment variable of the same name.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("base-url"), help: "MusePay base URL (env MUSECARD_BASE_URL).")
    var baseURL: String?

    @Option(name: .customLong("partner-id"), help: "Partner id (env MUSECARD_PARTNER_ID).")
    var partnerId: String?

    @Option(name: .customLong("private-key"), help: "Partner private key file, PEM or base64 DER (env MUSECARD_PRIVATE_KEY).")
    var privateKey: String?

    @Option(name: .customLong("platform-public-key"), help: "MusePay platform public key file (env MUSECARD_PLATFORM_PUBLIC_KEY).")
    var platformPublicKey: String?

    @Option(name: .customLong("operator"), help: "Who is acting, for the audit trail (env MUSECARD_OPERATOR).")
    var operatorName: String?

    /// The settings after flags and environment are merged.
    func resolved(environment: [String: String] = ProcessInfo.processInfo.environment) -> ConnectionSettings {
        func pick(_ flag: String?, _ name: String) -> String? {
            let value = flag ?? environment[name]
            return value?.isEmpty == true ? nil : value
        }
        return ConnectionSettings(
            baseURL: pick(baseURL, "MUSECARD_BASE_URL"),
            partnerId: pick(partnerId, "MUSECARD_PARTNER_ID"),
            privateKeyPath: pick(privateKey, "MUSECARD_PRIVATE_KEY"),
            platformPublicKeyPath: pick(platformPublicKey, "MUSECARD_PLATFORM_PUBLIC_KEY"),
            operatorName: pick(operatorName, "MUSECARD_OPERATOR")
        )
    }
}

/// Merged connection settings, before keys are loaded.
struct ConnectionSettings: Sendable, Equatable {
    var baseURL: String?
    var partnerId: String?
    var privateKeyPath: String?
    var platformPublicKeyPath: String?
    var operatorName: String?

    /// Loads keys and checks everything; errors name the missing or bad setting.
    func clientConfiguration() throws(MusePayError) -> ClientConfiguration {
        guard let baseURL else { throw .configuration("no base URL: set MUSECARD_BASE_URL or --base-url") }
        guard let url = URL(string: baseURL) else { throw .configuration("base URL \(baseURL) is not a URL") }
        guard let partnerId else { throw .configuration("no partner id: set MUSECARD_PARTNER_ID or --partner-id") }
        guard let privateKeyPath else { throw .configuration("no private key: set MUSECARD_PRIVATE_KEY or --private-key") }
        let signer = RequestSigner(key: try RSAKeyLoader.signingKey(file: privateKeyPath))
        let cipher = try platformPublicKeyPath.map { path throws(MusePayError) in PINCipher(key: try RSAKeyLoader.encryptionKey(file: path)) }
        do {
            return try ClientConfiguration(baseURL: url, partnerId: partnerId, signer: signer, pinCipher: cipher)
        } catch .validation(_, let reason) {
            throw .configuration("partner id \(reason)")
        }
    }
}
