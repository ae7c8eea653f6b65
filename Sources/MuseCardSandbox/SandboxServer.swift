import Foundation
import Hummingbird
import Logging
import MuseCardKit
import ServiceLifecycle

/// A running sandbox: a Hummingbird server on loopback in front of a `SandboxCore`.
public final class SandboxServer: Sendable {
    /// `http://127.0.0.1:PORT`.
    public let baseURL: URL
    /// The options it was started with.
    public let options: SandboxOptions
    let core: SandboxCore
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    /// Starts listening and returns once the port is known.
    public static func start(_ options: SandboxOptions) async throws -> SandboxServer {
        guard options.allowRemote || ClientConfiguration.isLoopback(options.host) else {
            throw MusePayError.configuration("sandbox host \(options.host) is not loopback; pass --allow-remote to listen there")
        }
        let core = try SandboxCore(options: options)
        var logger = Logger(label: "musecard.sandbox")
        logger.logLevel = .critical
        let port = PortBox()
        let app = Application(
            router: SandboxRoutes.router(core: core),
            server: .http1(configuration: .init(additionalChannelHandlers: [DropConnectionHandler()])),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "MuseCardSandbox"),
            onServerRunning: { channel in port.fulfil(channel.localAddress?.port ?? -1) },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task { try await group.run() }
        let number = try await port.value(failing: task)
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        guard number > 0, let url = URL(string: "http://\(host):\(number)") else {
            await group.triggerGracefulShutdown()
            throw MusePayError.configuration("the sandbox could not listen on \(options.host):\(options.port)")
        }
        core.baseURL.withLock { $0 = url.absoluteString }
        return SandboxServer(baseURL: url, options: options, core: core, group: group, task: task)
    }

    private init(baseURL: URL, options: SandboxOptions, core: SandboxCore, group: ServiceGroup, task: Task<Void, any Error>) {
        self.baseURL = baseURL
        self.options = options
        self.core = core
        self.group = group
        self.task = task
    }

    /// Stops serving and waits until the port is closed.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    /// Replaces the fault plan at run time; a seed restarts the dice.
    public func setFaults(_ plan: FaultPlan, seed: UInt64? = nil) { core.faults.update(plan, seed: seed) }

    /// Back to the initial demo state, with nonces, reveal links and stats cleared.
    public func reset() { core.reset() }

    /// The `GET /_sandbox/stats` document.
    public var statsJSON: JSONValue { core.stats.json }

    /// The `GET /_sandbox/card-requests` document: per card and path, requests, definite answers and requests after one.
    public var cardRequestsJSON: JSONValue { core.cardRequests.json }
}
