import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardSandbox
import MuseCardStore

/// The service the console talks to: the configured one, or an embedded sandbox.
struct Backend: Sendable {
    let client: MusePayClient
    let sandbox: SandboxServer?
    let profile: String
    /// The top bar's environment badge.
    let badge: String

    var isDemo: Bool { sandbox != nil }

    /// Connects to the configured service, or starts the sandbox in-process when no base URL is set;
    /// `onRetry` goes on the client's configuration.
    static func make(_ settings: ConnectionSettings, onRetry: (@Sendable (Int, Int, String) -> Void)? = nil) async throws -> Backend {
        guard settings.baseURL != nil else { return try await embedded(onRetry: onRetry) }
        do {
            var configuration = try settings.clientConfiguration()
            configuration.onRetry = onRetry
            let client = MusePayClient(configuration: configuration)
            return Backend(client: client, sandbox: nil, profile: settings.profileLabel, badge: settings.environment.label.uppercased())
        } catch {
            throw ExitStatus.fail(error)
        }
    }

    /// Starts the sandbox with demo data on an ephemeral loopback port, wired to its own keys.
    static func embedded(onRetry: (@Sendable (Int, Int, String) -> Void)? = nil) async throws -> Backend {
        do {
            let server = try await SandboxServer.start(SandboxOptions())
            var configuration = try server.demoClientConfiguration()
            configuration.onRetry = onRetry
            let client = MusePayClient(configuration: configuration)
            return Backend(client: client, sandbox: server, profile: "embedded-sandbox", badge: "SANDBOX — demo data")
        } catch {
            StandardError.print("musecard: could not start the embedded sandbox: \(error)")
            throw ExitCode(ExitStatus.unreachable)
        }
    }

    /// Closes the client and stops the sandbox, if one was started.
    func stop() async {
        await client.shutdown()
        await sandbox?.stop()
    }
}
