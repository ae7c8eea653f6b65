import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardStore

/// Where MusePay is and who we are: a config profile, overridden by MUSECARD_* variables, overridden by flags.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("profile"), help: "Configuration profile to use (env MUSECARD_PROFILE; default: the file's default).")
    var profile: String?

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

    @Option(name: .customLong("ticket"), help: "Support ticket reference for the audit trail (env MUSECARD_TICKET).")
    var ticket: String?

    /// The settings after the config profile, the environment and the flags are merged, in that order.
    func settings(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> ConnectionSettings {
        let paths = MuseCardPaths.resolve(environment: environment)
        let config = try MuseCardConfig.load(path: paths.configFile.path)
        let chosen = nonEmpty(profile) ?? nonEmpty(environment["MUSECARD_PROFILE"]) ?? config.defaultProfile
        var base: ProfileSettings?
        if let chosen {
            guard let found = config.profiles[chosen] else {
                let known = config.profiles.keys.sorted().joined(separator: ", ")
                throw ConfigError(file: paths.configFile.path, line: nil,
                                  message: "no profile \"\(chosen)\" (known: \(known.isEmpty ? "none" : known))")
            }
            base = found
        }
        var settings = resolved(environment: environment, profile: base)
        settings.keyBindings = config.keyBindings
        settings.clipboard = config.clipboard
        settings.mouse = config.mouse
        settings.aliases = config.aliases
        return settings
    }

    /// `settings(environment:)`, or the configuration error on standard error and exit 78.
    func settingsOrExit(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ExitCode) -> ConnectionSettings {
        do { return try settings(environment: environment) } catch {
            StandardError.print("musecard: \(error)")
            throw ExitCode(ExitStatus.configuration)
        }
    }

    /// Flags over environment over the given profile's values (no file is read).
    func resolved(environment: [String: String] = ProcessInfo.processInfo.environment, profile: ProfileSettings? = nil) -> ConnectionSettings {
        func pick(_ flag: String?, _ name: String, _ fallback: String? = nil) -> String? {
            nonEmpty(flag) ?? nonEmpty(environment[name]) ?? nonEmpty(fallback)
        }
        return ConnectionSettings(
            baseURL: pick(baseURL, "MUSECARD_BASE_URL", profile?.baseURL),
            partnerId: pick(partnerId, "MUSECARD_PARTNER_ID", profile?.partnerId),
            privateKeyPath: pick(privateKey, "MUSECARD_PRIVATE_KEY", profile?.privateKeyPath),
            platformPublicKeyPath: pick(platformPublicKey, "MUSECARD_PLATFORM_PUBLIC_KEY", profile?.platformPublicKeyPath),
            operatorName: pick(operatorName, "MUSECARD_OPERATOR", profile?.operatorName),
            profileName: profile?.name,
            ticket: pick(ticket, "MUSECARD_TICKET"),
            theme: profile?.theme,
            readOnly: profile?.readOnly ?? false,
            summaryDir: profile?.summaryDir,
            refreshSeconds: profile?.refreshSeconds ?? 30,
            requireTicket: profile?.requireTicket ?? false,
            store: profile?.store
        )
    }

    private func nonEmpty(_ value: String?) -> String? { value?.isEmpty == true ? nil : value }
}

/// Merged connection settings, before keys are loaded.
struct ConnectionSettings: Sendable, Equatable {
    var baseURL: String?
    var partnerId: String?
    var privateKeyPath: String?
    var platformPublicKeyPath: String?
    var operatorName: String?
    /// The config profile in use; `nil` when none was picked.
    var profileName: String? = nil
    var ticket: String? = nil
    var theme: String? = nil
    var readOnly: Bool = false
    /// The profile's `summary_dir`: each console session's summary is written there as Markdown.
    var summaryDir: String? = nil
    /// The profile's `refresh_seconds`: how often the console refreshes the visible cards (0: off; 30 unless set).
    var refreshSeconds: Int = 30
    /// The profile's `require_ticket`: the console asks for a ticket before the first change.
    var requireTicket: Bool = false
    /// The profile's `store:` when it is a team database; `nil`: the embedded SQLite store.
    var store: TeamStoreSettings? = nil
    /// Key remaps by action name from the config file.
    var keyBindings: [String: [String]] = [:]
    /// Where the console's `y` copies to.
    var clipboard: ClipboardSetting = .osc52
    /// `mouse:` in config: the console takes the mouse unless false.
    var mouse = true
    /// `aliases:` in config: command line names for whole commands.
    var aliases: [String: String] = [:]

    /// Which service the base URL points at.
    var environment: ServiceEnvironment { ServiceEnvironment.classify(baseURL: baseURL) }

    /// The profile name for the cache scope and the audit trail: the chosen one, else `default`.
    var profileLabel: String { profileName ?? "default" }

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
