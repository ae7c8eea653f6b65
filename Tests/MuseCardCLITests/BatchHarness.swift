import Foundation
import MuseCardKit
import MuseCardSandbox
import MuseCardTestSupport
import Testing

/// A sandbox with numbered cards, an isolated HOME, a batch file, and the binary run (or killed) against them.
struct BatchHarness {
    let store: CLIStoreHarness
    let server: SandboxServer
    let file: URL

    static func start(cards: Int, faults: FaultPlan = FaultPlan(), latencyMs: Int = 0) async throws -> BatchHarness {
        var plan = faults
        plan.global.latencyMs = latencyMs
        let server = try await SandboxServer.start(SandboxOptions(
            partnerPublicKey: try Fixtures.text("keys/partner_public.pem"), platformPrivateKey: try Fixtures.text("keys/platform_private.pem"),
            faults: plan, seed: 7, demoData: false, generatedCards: cards))
        let store = try CLIStoreHarness()
        try FileManager.default.createDirectory(at: store.home, withIntermediateDirectories: true)
        let file = store.home.appendingPathComponent("cards.csv")
        try GeneratedCards.csv(count: cards).write(to: file, atomically: true, encoding: .utf8)
        return BatchHarness(store: store, server: server, file: file)
    }

    func stop() async { await server.stop() }

    /// `batch lock --file … --reason COMPROMISED --ticket INC-7 --yes` plus `extra`.
    var lockArguments: [String] { ["batch", "lock", "--file", file.path, "--reason", "COMPROMISED", "--ticket", "INC-7", "--yes"] }

    func run(_ arguments: [String], stdin: String? = nil) async throws -> ProcessResult {
        try await store.run(arguments, base: server.baseURL, extra: ["MUSECARD_PROGRESS_SECONDS": "1"], stdin: stdin)
    }

    /// Starts the binary and SIGKILLs it after `delay` (on a thread of its own); true when it was still running.
    func runKilled(_ arguments: [String], after delay: Duration) async throws -> Bool {
        var env = store.environment
        env["MUSECARD_BASE_URL"] = server.baseURL.absoluteString
        env["PATH"] = "/usr/bin:/bin"
        let environment = env
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: CLIStoreHarness.binary)
                    process.arguments = arguments
                    process.environment = environment
                    process.standardOutput = FileHandle.nullDevice
                    process.standardError = FileHandle.nullDevice
                    process.standardInput = FileHandle.nullDevice
                    try process.run()
                    Thread.sleep(forTimeInterval: delay.seconds)
                    let running = process.isRunning
                    kill(process.processIdentifier, SIGKILL)
                    process.waitUntilExit()
                    return running
                })
            }.start()
        }
    }

    /// The lock counts of every card from the sandbox's request log.
    func lockCounts() -> [String: (requests: Int, definite: Int, afterDefinite: Int)] {
        var result: [String: (Int, Int, Int)] = [:]
        for (card, paths) in server.cardRequestsJSON["cards"]?.objectValue ?? [:] {
            guard let lock = paths["/v1/card/lock"] else { continue }
            func n(_ key: String) -> Int { Int(lock[key]?.scalarText ?? "") ?? 0 }
            result[card] = (n("requests"), n("definite"), n("after_definite"))
        }
        return result
    }

    /// Requests the sandbox received on `path` (faulted ones included).
    func requests(_ path: String) -> Int {
        Int(server.statsJSON["paths"]?[path]?["requests"]?.scalarText ?? "") ?? 0
    }

    /// The report's rows (CSV written with `--report`), without the header.
    func reportRows(_ path: URL) throws -> [[String]] {
        try String(contentsOf: path, encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Every card answered exactly once by the sandbox, and never asked again after that answer.
    func expectEveryCardLockedOnce(_ cards: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let counts = lockCounts()
        #expect(counts.count == cards, "every card was sent", sourceLocation: sourceLocation)
        let twice = counts.filter { $0.value.definite != 1 || $0.value.afterDefinite != 0 }
        #expect(twice.isEmpty, "sent again after a definite answer: \(twice.prefix(5))", sourceLocation: sourceLocation)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
