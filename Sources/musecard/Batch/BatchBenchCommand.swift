import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardSandbox
import MuseCardStore

/// `musecard batch bench`: a sandbox with generated cards in a child process, `batch lock` against
/// it as another child; prints cards/second next to the RSA-2048 SHA-1 signing limit measured in
/// the same run, peak memory for the big file, and the time to resume a run killed half-way.
struct BatchBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark batch lock against a local sandbox: cards/s vs the signing limit, peak memory, resume time."
    )

    @Option(help: "Cards in the throughput run.")
    var cards = 10_000
    @Option(name: .customLong("memory-lines"), help: "Lines in the memory and resume runs (0 skips them).")
    var memoryLines = 100_000
    @Option(help: "--concurrency of the batch runs (default: none, the run's own ceiling).")
    var concurrency: Int?
    @Option(name: .customLong("signing-seconds"), help: "How long to measure signing.")
    var signingSeconds = 2.0

    func validate() throws {
        guard cards > 0 else { throw ValidationError("--cards must be at least 1") }
        guard memoryLines == 0 || memoryLines >= 100 else { throw ValidationError("--memory-lines must be 0 or at least 100") }
        if let concurrency, !(1...256).contains(concurrency) { throw ValidationError("--concurrency must be 1…256") }
        guard signingSeconds > 0 else { throw ValidationError("--signing-seconds must be above 0") }
    }

    func run() throws {
        let me = Self.executable
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("musecard-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var env = ["HOME": folder.path, "XDG_STATE_HOME": folder.path + "/state", "XDG_CONFIG_HOME": folder.path + "/config",
                   "XDG_CACHE_HOME": folder.path + "/cache", "PATH": "/usr/bin:/bin", "MUSECARD_TICKET": "BENCH",
                   "MUSECARD_PROGRESS_SECONDS": "15"]
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("Batch benchmark on \(cores) cores (\(Self.shortDate()))")
        let signing = try SigningProbe.measure(seconds: signingSeconds, threads: cores)
        print("signing RSA-2048 SHA-1 (RequestSigner, \(signing.library)): "
              + String(format: "%.0f/s on 1 core, %.0f/s on %d cores", signing.oneCore, signing.allCores, cores))
        let openSSL = SigningProbe.openSSLSpeed(seconds: max(1, Int(signingSeconds.rounded())))
        if let openSSL { print(String(format: "openssl speed rsa2048: %.0f signs/s on 1 core", openSSL)) }
        // The limit is `openssl speed rsa2048`; the project's own signer stands in without it.
        let limit: (source: String, perCore: Double) = openSSL.map { ("openssl speed", $0) } ?? ("RequestSigner", signing.oneCore)

        let sandbox = try SpawnedProcess(me, ["sandbox", "serve", "--no-demo-data", "--generate-cards", "\(max(cards, memoryLines))"],
                                         environment: env, captureOutput: true)
        defer { sandbox.signal(SIGTERM); _ = sandbox.wait() }
        for line in sandbox.readLines(until: { $0.hasPrefix("export MUSECARD_PLATFORM_PUBLIC_KEY=") }) where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
            if pair.count == 2 { env[String(pair[0])] = String(pair[1]) }
        }
        guard env["MUSECARD_BASE_URL"] != nil else { throw ValidationError("the sandbox did not start") }

        let small = folder.appendingPathComponent("cards-\(cards).csv")
        try GeneratedCards.csv(count: cards).write(to: small, atomically: true, encoding: .utf8)
        let sandboxBefore = sandbox.cpuSecondsSoFar
        let lock = try timed(me, ["batch", "lock", "--file", small.path, "--reason", "COMPROMISED", "--yes"] + pace, env)
        let sandboxCores = (sandbox.cpuSecondsSoFar - sandboxBefore) / lock.seconds
        let rate = Double(cards) / lock.seconds
        let available = limit.perCore * max(0, Double(cores) - sandboxCores)
        print(String(format: "batch lock %d cards: %.1f s, %.0f cards/s (exit %d); client CPU %.1f s, sandbox %.2f cores",
                     cards, lock.seconds, rate, lock.ending.status, lock.ending.cpuSeconds, sandboxCores))
        print("signing limit left by the sandbox (\(limit.source)): " + String(format: "%.0f/s × (%d − %.2f cores) = %.0f/s → batch reaches %.0f%%",
                     limit.perCore, cores, sandboxCores, available, available > 0 ? 100 * rate / available : 0))
        print(String(format: "client CPU a card: %.3f ms (signing alone: %.3f ms)", 1000 * lock.ending.cpuSeconds / Double(cards), 1000 / signing.oneCore))
        print(String(format: "peak memory, %d lines: %.1f MB", cards, Double(lock.ending.maxResident) / 1_048_576))
        guard memoryLines > 0 else { return }

        let big = folder.appendingPathComponent("cards-\(memoryLines).csv")
        try GeneratedCards.csv(count: memoryLines).write(to: big, atomically: true, encoding: .utf8)
        let bigLock = try timed(me, ["batch", "lock", "--file", big.path, "--reason", "COMPROMISED", "--yes"] + pace, env)
        print(String(format: "peak memory, %d lines: %.1f MB (%.1f s, %.0f cards/s, exit %d)", memoryLines,
                     Double(bigLock.ending.maxResident) / 1_048_576, bigLock.seconds, Double(memoryLines) / bigLock.seconds, bigLock.ending.status))
        try resumeFigures(me, big: big, env: env, folder: folder)
    }

    /// `batch unlock` of the big file killed once half its lines are answered, then `batch resume` timed.
    private func resumeFigures(_ me: String, big: URL, env: [String: String], folder: URL) throws {
        let killed = try SpawnedProcess(me, ["batch", "unlock", "--file", big.path, "--yes"] + pace, environment: env)
        let journal = try BatchJournal(path: folder.path + "/state/musecard/batches.sqlite")
        var runId: String?
        var answered = 0
        while answered < memoryLines / 2 {
            Thread.sleep(forTimeInterval: 0.05)
            runId = runId ?? (try? journal.runs().first { $0.operation == "unlock" })?.runId
            if let runId { answered = (try? journal.counts(of: runId).finished) ?? 0 }
        }
        killed.signal(SIGKILL)
        _ = killed.wait()
        guard let runId else { return }
        let at = try journal.counts(of: runId).finished
        let resume = try timed(me, ["batch", "resume", runId] + pace, env)
        print(String(format: "resume of a %d-line run killed at %d answered: %.1f s to finish the other %d (exit %d)",
                     memoryLines, at, resume.seconds, memoryLines - at, resume.ending.status))
    }

    /// `--concurrency N` when one was given.
    private var pace: [String] { concurrency.map { ["--concurrency", "\($0)"] } ?? [] }

    private func timed(_ me: String, _ arguments: [String], _ env: [String: String]) throws -> (seconds: Double, ending: SpawnedProcess.Ending) {
        let start = ContinuousClock.now
        let child = try SpawnedProcess(me, arguments, environment: env)
        let ending = child.wait()
        let elapsed = ContinuousClock.now - start
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, ending)
    }

    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    static func shortDate() -> String { Date().formatted(.iso8601.year().month().day()) }
}
