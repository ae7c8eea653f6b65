import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardSandbox
import MuseCardStore

/// `musecard sandbox serve`: listens until SIGINT/SIGTERM; the first line of output is the base URL.
struct SandboxServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the sandbox on loopback; prints the base URL on the first line."
    )

    @Option(help: "TCP port (0 picks a free one).")
    var port = 0

    @Option(help: "Address to listen on; non-loopback needs --allow-remote.")
    var host = "127.0.0.1"

    @Option(name: .customLong("partner-id"), help: "The partner id the sandbox accepts.")
    var partnerId = "200001"

    @Option(name: .customLong("partner-public-key"), help: "Partner public key file (PEM or base64 DER); default: the demo key.")
    var partnerPublicKey: String?

    @Option(name: .customLong("platform-private-key"), help: "Platform private key file for PIN decryption; default: the demo key.")
    var platformPrivateKey: String?

    @Option(name: .customLong("latency-ms"), help: "Added latency per request.")
    var latencyMs = 0

    @Option(name: .customLong("jitter-ms"), help: "Further random latency, 0…N ms.")
    var jitterMs = 0

    @Option(name: .customLong("fault-rate"), help: "Chance (0…1) of a fault per request, split evenly over 500, 429, dropped connection and malformed JSON.")
    var faultRate = 0.0

    @Option(help: "Seed of the fault dice.")
    var seed: UInt64 = 1

    @Option(name: .customLong("audit-delay-ms"), help: "Time from apply to CARD_INIT.")
    var auditDelayMs = 2000

    @Flag(name: .customLong("no-demo-data"), help: "Start without the demo cardholders.")
    var noDemoData = false

    @Option(name: .customLong("generate-cards"), help: "Add N ACTIVE cards: user BU00000001 holds card BC00000001, and so on.")
    var generateCards = 0

    @Option(name: .customLong("rate-limit"), help: "Admit at most N API requests per second; more get 429 with Retry-After, like the service.")
    var rateLimit: Int?

    @Flag(name: .customLong("allow-remote"), help: "Permit a non-loopback --host.")
    var allowRemote = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard (0...1).contains(faultRate) else { throw ValidationError("--fault-rate must be 0…1") }
        guard latencyMs >= 0, jitterMs >= 0, auditDelayMs >= 0 else { throw ValidationError("--latency-ms, --jitter-ms and --audit-delay-ms must be ≥ 0") }
        guard (0...5_000_000).contains(generateCards) else { throw ValidationError("--generate-cards must be 0…5000000") }
        if let rateLimit, rateLimit < 1 { throw ValidationError("--rate-limit must be at least 1 request per second") }
    }

    func run() async throws {
        var options = SandboxOptions(port: port, host: host, partnerId: partnerId, seed: seed, demoData: !noDemoData, generatedCards: generateCards,
                                     auditDelay: .milliseconds(auditDelayMs), allowRemote: allowRemote)
        var rule = FaultRule.mixed(rate: faultRate)
        rule.latencyMs = latencyMs
        rule.jitterMs = jitterMs
        options.faults = FaultPlan(global: rule, rateLimitPerSecond: rateLimit)
        do {
            if let path = partnerPublicKey { options.partnerPublicKey = try String(contentsOfFile: path, encoding: .utf8) }
            if let path = platformPrivateKey { options.platformPrivateKey = try String(contentsOfFile: path, encoding: .utf8) }
        } catch {
            StandardError.print("musecard: cannot read a key file: \(error.localizedDescription)")
            throw ExitCode(ExitStatus.configuration)
        }
        let server: SandboxServer
        do { server = try await SandboxServer.start(options) } catch {
            StandardError.print("musecard: \(error)")
            throw ExitCode(ExitStatus.configuration)
        }
        SandboxServeCommand.say(server.baseURL.absoluteString)
        if partnerPublicKey == nil && platformPrivateKey == nil { printDemoSetup(server.baseURL) }
        await SandboxServeCommand.waitForStopSignal()
        await server.stop()
        SandboxServeCommand.say("sandbox stopped")
    }

    private func printDemoSetup(_ url: URL) {
        let folder = SandboxServeCommand.stateFolder()
        do {
            let files = try DemoKeys.writeClientFiles(to: folder)
            SandboxServeCommand.say("demo partner private key: \(files.partnerPrivateKey)")
            SandboxServeCommand.say("demo platform public key: \(files.platformPublicKey)")
            SandboxServeCommand.say("export MUSECARD_BASE_URL=\(url.absoluteString)")
            SandboxServeCommand.say("export MUSECARD_PARTNER_ID=\(partnerId)")
            SandboxServeCommand.say("export MUSECARD_PRIVATE_KEY=\(files.partnerPrivateKey)")
            SandboxServeCommand.say("export MUSECARD_PLATFORM_PUBLIC_KEY=\(files.platformPublicKey)")
        } catch {
            StandardError.print("musecard: cannot write the demo key files to \(folder.path): \(error.localizedDescription)")
        }
        if generateCards > 0 {
            let (firstUser, firstCard) = GeneratedCards.ids(1), (lastUser, lastCard) = GeneratedCards.ids(generateCards)
            SandboxServeCommand.say("generated \(generateCards) ACTIVE cards: \(firstUser)/\(firstCard) … \(lastUser)/\(lastCard)")
        }
        if !noDemoData {
            for holder in DemoData.cardholders {
                SandboxServeCommand.say("demo cardholder \(holder.userId) \(ServiceText.sanitize(holder.label)): \(holder.cardIds.joined(separator: " "))")
            }
        }
    }

    /// Prints a line and flushes, so a parent reading the pipe sees it at once.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// `$XDG_STATE_HOME/musecard/sandbox`, else `~/.local/state/musecard/sandbox`.
    static func stateFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        MuseCardPaths.resolve(environment: environment).stateFolder.appendingPathComponent("sandbox")
    }

    /// Returns on the first SIGINT or SIGTERM.
    static func waitForStopSignal() async {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            sources.append(source)
        }
        for await _ in stream { break }
        sources.forEach { $0.cancel() }
    }
}
