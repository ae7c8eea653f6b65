import Foundation
import MuseCardKit
import MuseCardSandbox
import MuseCardStore

/// A throw-away home with a cache holding a one-card and a many-card cardholder, and the real
/// binary launched on it in a pty as an agent runs it: configured for a service (a sandbox in
/// the bench's own process, so the console under test holds no server of its own).
struct LaunchLab: Sendable {
    enum Holder: String { case small = "BENCH-ONE", large = "BENCH-MANY" }

    /// What one launch showed.
    struct Launch {
        var firstFrameMs: Double
        /// Resident size a second after the first frame (start-up included).
        var startupMB: Double
        /// Resident size once start-up is over (after the keys, and one refresh after the console's last trim).
        var residentMB: Double = 0
        /// Of `residentMB`, what is the process's own (heap, stacks): not code pages shared with the page cache.
        var anonymousMB: Double = 0
        var firstFrameBytes = 0
        var seconds: Double = 0
        var queries = 0
        var bytesPerKey: Double = 0
        var keyMedianMs: Double = 0
        var keyWorstMs: Double = 0
    }

    /// When a launch is weighed: after the console's second trim of start-up pages (`ConsoleLoop.settleSeconds`, 5 s).
    static let settleSeconds = 6

    /// The scope of the console's default profile with the sandbox's partner.
    static let scope = StoreScope(profile: "default", partnerId: "200001")
    /// The first card's embossed name: one word, so the terminal writes it in one piece.
    static let marker = "BENCHFIRSTCARD"

    let root: URL
    let largeCount: Int
    let paths: MuseCardPaths
    let server: SandboxServer
    /// What the console is started with: a fresh home, the service and its keys.
    let environment: [String: String]

    /// Starts the service and seeds the cache: every card fetched a day ago, so the whole list is stale.
    static func make(largeCount: Int) async throws -> LaunchLab {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("musecard-bench-\(UUID().uuidString)")
        let server = try await SandboxServer.start(SandboxOptions())
        let keys = try DemoKeys.writeClientFiles(to: root.appendingPathComponent("keys"))
        var environment = environment(root)
        environment["MUSECARD_BASE_URL"] = server.baseURL.absoluteString
        environment["MUSECARD_PARTNER_ID"] = "200001"
        environment["MUSECARD_PRIVATE_KEY"] = keys.partnerPrivateKey
        environment["MUSECARD_PLATFORM_PUBLIC_KEY"] = keys.platformPublicKey
        environment["MUSECARD_OPERATOR"] = "bench"
        let lab = LaunchLab(root: root, largeCount: largeCount, paths: MuseCardPaths.resolve(environment: environment),
                            server: server, environment: environment)
        let cache = try CacheFile.open(paths: lab.paths, scope: scope).cache
        let fetched = Date().addingTimeInterval(-86_400)
        for (holder, count) in [(Holder.small, 1), (Holder.large, largeCount)] {
            try await cache.recordOpened(userId: holder.rawValue, label: "Bench \(count)", at: fetched)
            try await cache.saveRecords((0..<count).map { record(holder, $0) }, fetchedAt: fetched)
        }
        return lab
    }

    /// Stops the service and removes the home (unless it is to be kept for a closer look).
    func close(keepingHome: Bool = false) async {
        await server.stop()
        if !keepingHome { try? FileManager.default.removeItem(at: root) }
    }

    /// Queries the service has answered so far.
    var queriesAnswered: Int {
        Int(server.statsJSON["paths"]?[QueryCardRequest.path]?["requests"]?.scalarText ?? "0") ?? 0
    }

    /// `launch` on a thread of its own: it waits on the terminal, and the service lives on the cooperative pool.
    func launchOffPool(_ holder: Holder, frame: FrameSize) async throws -> Launch {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try launch(holder, frame: frame) }) }.start()
        }
    }

    /// Launches the console on `holder`, waits for its first card, moves the selection (counting
    /// terminal bytes and key latency) and weighs it: the same script for both cardholders.
    func launch(_ holder: Holder, frame: FrameSize) throws -> Launch {
        let start = ContinuousClock.now
        let wall = Date()
        let probe = try TerminalProbe(executable: Self.executable, arguments: ["tui", "--user", holder.rawValue],
                                      environment: environment, size: frame)
        defer { probe.stop() }
        guard probe.waitFor(Self.marker, timeout: .seconds(60)) else { throw ProbeError("no card on screen within 60 s") }
        let first = Self.milliseconds(start.duration(to: .now))
        probe.drain(for: .seconds(1))
        var launch = Launch(firstFrameMs: first, startupMB: Double(probe.residentBytes ?? 0) / 1_048_576)
        launch.firstFrameBytes = probe.totalBytes
        let firstFrame = ContinuousClock.now
        let idle = probe.drain(for: .seconds(1))
        var latencies: [Double] = []
        var bytes = 0
        let moves = 40
        // One card does not move: its keys change nothing on screen, so nothing is waited for.
        let answerWait: Duration = holder == .large ? .milliseconds(500) : .zero
        let keyStart = ContinuousClock.now
        for index in 0..<moves {
            let before = probe.totalBytes
            let sent = ContinuousClock.now
            probe.type(index % 20 < 10 ? "j" : "k")
            if probe.waitForOutput(timeout: answerWait) { latencies.append(Self.milliseconds(sent.duration(to: .now))) }
            probe.drain(for: .milliseconds(40))
            bytes += probe.totalBytes - before
        }
        let keySeconds = Self.milliseconds(keyStart.duration(to: .now)) / 1000
        // What the clock tick and background answers write anyway is not the keys' doing.
        launch.bytesPerKey = max(0, Double(bytes) - Double(idle) * keySeconds) / Double(moves)
        latencies.sort()
        launch.keyMedianMs = latencies.isEmpty ? .nan : latencies[latencies.count / 2]
        launch.keyWorstMs = latencies.last ?? .nan
        // An agent keeps the console open all day: what counts is what it holds once start-up is over.
        // Like for like: each console has run the query path since its last trim of start-up code
        // (one `r`, the selected card refreshed), as a long list's background refresh does.
        probe.drain(for: max(.zero, .seconds(Self.settleSeconds - 1) - firstFrame.duration(to: .now)))
        probe.type("r")
        probe.drain(for: .seconds(1))
        launch.residentMB = Double(probe.residentBytes ?? 0) / 1_048_576
        launch.anonymousMB = Double(probe.anonymousBytes ?? 0) / 1_048_576
        launch.seconds = Date().timeIntervalSince(wall)
        return launch
    }

    private static func record(_ holder: Holder, _ index: Int) -> CardRecord {
        var record = CardRecord(userId: holder.rawValue, cardId: String(format: "BC%@%08d", holder == .small ? "S" : "L", index),
                                status: index % 7 == 0 ? .locked : .active)
        record.last4 = String(format: "%04d", index % 10_000)
        record.embossedName = index == 0 ? marker : "HOLDER \(index)"
        record.cardType = .virtual
        record.cardNetwork = "VISA"
        record.currency = "USD"
        record.availableBalanceText = "\(index).50"
        return record
    }

    private static func environment(_ root: URL) -> [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("MUSECARD_") && $0.key != "NO_COLOR" }
        env["HOME"] = root.path
        env["XDG_CONFIG_HOME"] = root.appendingPathComponent("config").path
        env["XDG_CACHE_HOME"] = root.appendingPathComponent("cache").path
        env["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        env["TERM"] = "xterm-256color"
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        return env
    }

    private static var executable: String {
        Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
