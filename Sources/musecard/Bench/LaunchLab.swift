import Foundation
import MuseCardKit
import MuseCardStore

/// A throw-away home with a cache holding a one-card and a many-card cardholder, and the real
/// binary launched on it in a pty, the embedded sandbox behind it, as an agent would start it.
struct LaunchLab {
    enum Holder: String { case small = "BENCH-ONE", large = "BENCH-MANY" }

    /// What one launch showed.
    struct Launch {
        var firstFrameMs: Double
        var residentMB: Double
        var openedAt = Date()
        var seconds: Double = 0
        var queries = 0
        var bytesPerKey: Double = 0
        var keyMedianMs: Double = 0
        var keyWorstMs: Double = 0
    }

    /// The scope the console uses with the embedded sandbox.
    static let scope = StoreScope(profile: "embedded-sandbox", partnerId: "200001")
    /// The first card's embossed name: one word, so the terminal writes it in one piece.
    static let marker = "BENCHFIRSTCARD"

    let root: URL
    let largeCount: Int
    let paths: MuseCardPaths

    /// Seeds the cache: every card fetched a day ago, so the whole list is stale.
    static func make(largeCount: Int) async throws -> LaunchLab {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("musecard-bench-\(UUID().uuidString)")
        let lab = LaunchLab(root: root, largeCount: largeCount, paths: MuseCardPaths.resolve(environment: environment(root)))
        let cache = try CacheFile.open(paths: lab.paths, scope: scope).cache
        let fetched = Date().addingTimeInterval(-86_400)
        for (holder, count) in [(Holder.small, 1), (Holder.large, largeCount)] {
            try await cache.recordOpened(userId: holder.rawValue, label: "Bench \(count)", at: fetched)
            try await cache.saveRecords((0..<count).map { record(holder, $0) }, fetchedAt: fetched)
        }
        return lab
    }

    /// Removes the home.
    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Launches the console on `holder`, waits for its first card, weighs it; for the large one also
    /// moves the selection, counting terminal bytes and key latency, and counts the queries sent.
    func launch(_ holder: Holder, frame: FrameSize, keys: Bool) throws -> Launch {
        let start = ContinuousClock.now
        let wall = Date()
        let probe = try TerminalProbe(executable: Self.executable, arguments: ["tui", "--user", holder.rawValue],
                                      environment: Self.environment(root), size: frame)
        defer { probe.stop() }
        guard probe.waitFor(Self.marker, timeout: .seconds(60)) else { throw ProbeError("no card on screen within 60 s") }
        let first = Self.milliseconds(start.duration(to: .now))
        probe.drain(for: .seconds(1))
        var launch = Launch(firstFrameMs: first, residentMB: Double(probe.residentBytes ?? 0) / 1_048_576)
        guard keys else { return launch }
        let idle = probe.drain(for: .seconds(1))
        var latencies: [Double] = []
        var bytes = 0
        let moves = 40
        let keyStart = ContinuousClock.now
        for index in 0..<moves {
            let before = probe.totalBytes
            let sent = ContinuousClock.now
            probe.type(index % 20 < 10 ? "j" : "k")
            if probe.waitForOutput(timeout: .milliseconds(500)) { latencies.append(Self.milliseconds(sent.duration(to: .now))) }
            probe.drain(for: .milliseconds(40))
            bytes += probe.totalBytes - before
        }
        let keySeconds = Self.milliseconds(keyStart.duration(to: .now)) / 1000
        // What the clock tick and background answers write anyway is not the keys' doing.
        launch.bytesPerKey = max(0, Double(bytes) - Double(idle) * keySeconds) / Double(moves)
        latencies.sort()
        launch.keyMedianMs = latencies.isEmpty ? .nan : latencies[latencies.count / 2]
        launch.keyWorstMs = latencies.last ?? .nan
        launch.openedAt = wall
        launch.seconds = Date().timeIntervalSince(wall)
        return launch
    }

    /// Queries sent for `holder` since `date`: cards whose cache row got an answer or an error.
    func queries(since date: Date, holder: Holder) async throws -> Int {
        try await CacheFile.open(paths: paths, scope: Self.scope).cache.touchedSince(date, userId: holder.rawValue)
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
