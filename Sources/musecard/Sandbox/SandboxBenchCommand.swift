import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardSandbox

/// `musecard sandbox bench`: signed lock/unlock requests through `MusePayClient`, with figures.
struct SandboxBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Fire signed lock/unlock requests at a sandbox and print requests/second and latency."
    )

    @Option(help: "A running sandbox with the demo keys; default: start one in this process.")
    var url: String?

    @Option(help: "How many requests in all.")
    var requests = 2000

    @Option(help: "How many concurrent tasks send them.")
    var concurrency = 16

    func validate() throws {
        guard requests > 0 else { throw ValidationError("--requests must be at least 1") }
        guard (1...1024).contains(concurrency) else { throw ValidationError("--concurrency must be 1…1024") }
    }

    func run() async throws {
        var server: SandboxServer?
        let base: URL
        if let url {
            guard let parsed = URL(string: url) else { throw ValidationError("--url is not a URL") }
            base = parsed
        } else {
            let started = try await SandboxServer.start(SandboxOptions())
            server = started
            base = started.baseURL
        }
        let configuration = try SandboxServer.demoClientConfiguration(baseURL: base, retry: RetryPolicy(maxAttempts: 1))
        let client = MusePayClient(configuration: configuration)
        let cards = DemoData.activeCards
        let total = requests, lanes = concurrency
        let start = ContinuousClock.now
        let results = await withTaskGroup(of: ([Duration], Int).self) { group in
            for lane in 0..<lanes {
                group.addTask {
                    var timings: [Duration] = [], failures = 0
                    for index in stride(from: lane, to: total, by: lanes) {
                        let card = cards[index % cards.count]
                        let began = ContinuousClock.now
                        do {
                            if (index / cards.count) % 2 == 0 {
                                _ = try await client.send(LockCardRequest(userId: card.userId, cardId: card.cardId))
                            } else {
                                _ = try await client.send(UnlockCardRequest(userId: card.userId, cardId: card.cardId))
                            }
                            timings.append(ContinuousClock.now - began)
                        } catch {
                            failures += 1
                        }
                    }
                    return (timings, failures)
                }
            }
            var all: [Duration] = [], failures = 0
            for await (timings, failed) in group {
                all += timings
                failures += failed
            }
            return (all.sorted(), failures)
        }
        let elapsed = ContinuousClock.now - start
        await client.shutdown()
        await server?.stop()
        let (timings, failures) = results
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        func ms(_ duration: Duration?) -> String {
            guard let duration else { return "-" }
            let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
            return String(format: "%.2f ms", value)
        }
        let median = timings.isEmpty ? nil : timings[timings.count / 2]
        let p99 = timings.isEmpty ? nil : timings[min(timings.count - 1, Int(Double(timings.count) * 0.99))]
        print("requests:    \(total) signed lock/unlock, \(lanes) concurrent, \(failures) failed")
        print(String(format: "elapsed:     %.2f s", seconds))
        print(String(format: "throughput:  %.0f requests/s", Double(timings.count) / max(seconds, 1e-9)))
        print("latency:     median \(ms(median)), p99 \(ms(p99))")
        if failures > 0 { throw ExitCode(ExitStatus.unreachable) }
    }
}
