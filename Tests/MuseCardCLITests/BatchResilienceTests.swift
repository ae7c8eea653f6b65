import Foundation
import MuseCardKit
import MuseCardSandbox
import MuseCardTestSupport
import Testing

/// A batch run against a misbehaving sandbox, killed and resumed, rate-limited: every line ends
/// applied or refused, and the sandbox's request log shows no card sent again after a definite answer.
struct BatchResilienceTests {
    /// 500, 429 (Retry-After 0) and dropped connections on ~10% of calls, queries included.
    static let faults = FaultPlan(global: FaultRule(serverErrorRate: 0.035, rateLimitRate: 0.03, retryAfterSeconds: 0, dropRate: 0.035))

    @Test func twoThousandLinesWithTenPercentFaultsEndAppliedAndNoCardIsSentTwice() async throws {
        let h = try await BatchHarness.start(cards: 2_000, faults: Self.faults, latencyMs: 1)
        let report = h.store.home.appendingPathComponent("report.csv")
        let result = try await h.run(h.lockArguments + ["--report", report.path, "--concurrency", "32"])
        await h.stop()
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
        let rows = try h.reportRows(report)
        #expect(rows.count == 2_000 && rows.allSatisfy { $0[3] == "applied" })
        h.expectEveryCardLockedOnce(2_000)
        let faulted = Int(h.server.statsJSON["rejections"]?.scalarText ?? "") ?? 0
        #expect(faulted > 100, "the faults happened (\(faulted))")
    }

    @Test func killedTwentyTimesAtRandomAndResumedEveryLineEndsAppliedOnce() async throws {
        let cards = 1_000
        let h = try await BatchHarness.start(cards: cards, faults: FaultPlan(global: .mixed(rate: 0.06)), latencyMs: 2)
        var random = SystemRandomNumberGenerator()
        var kills = 0
        for round in 0..<40 where kills < 20 {
            let arguments = h.lockArguments
            // Early kills land in start-up and in the writing of the run's lines; later ones mid-run.
            let delay = Duration.milliseconds(Int.random(in: (round < 4 ? 20 : 150)...(round < 4 ? 200 : 700), using: &random))
            if try await h.runKilled(arguments, after: delay) { kills += 1 }
        }
        let status = try await h.run(["batch", "status"])
        let runId = try #require(status.stdout.split(separator: "\n").dropFirst().first?.split(separator: " ").first.map(String.init))
        let resumed = try await h.run(["batch", "resume", runId])
        let again = try await h.run(["batch", "resume", runId])
        await h.stop()
        #expect(kills >= 20)
        #expect(resumed.status == 0, "\(resumed.stderr.suffix(2000))")
        #expect(resumed.stdout.contains("applied       \(cards)"))
        #expect(again.status == 0 && h.lockCounts().values.map(\.requests).reduce(0, +) > 0)
        h.expectEveryCardLockedOnce(cards)
        let results = try h.store.resultLines().filter { $0["outcome"] == "applied" }
        #expect(Set(results.compactMap { $0["card_id"]?.scalarText }).count <= cards)
    }

    @Test func a429StormSlowsTheRunAndItRecovers() async throws {
        // The first 10 calls get 429 with Retry-After 1: the run pauses as a whole, the window
        // halves down to 1, then grows back as calls succeed.
        let storm = FaultPlan(global: FaultRule(rateLimitRate: 1, retryAfterSeconds: 1, limit: 10))
        let h = try await BatchHarness.start(cards: 400, faults: storm)
        let started = ContinuousClock.now
        let result = try await h.run(h.lockArguments)
        let elapsed = ContinuousClock.now - started
        await h.stop()
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
        #expect(result.stderr.contains("429 from MusePay: slowing down"))
        #expect(elapsed >= .seconds(2), "Retry-After was honoured for the whole run")
        #expect(h.requests("/v1/card/lock") == 410, "each 429 was sent once more, nothing else")
        let window = result.stderr.split(separator: "\n").first { $0.contains("pace:") }?.split(separator: " ").drop { $0 != "window" }.dropFirst().first
        #expect((window.flatMap { Int($0) } ?? 0) >= 8, "the window grew back after the storm: \(result.stderr.suffix(300))")
        h.expectEveryCardLockedOnce(400)
    }

    @Test func rateIsAHardCeilingAndTheSandboxLimitIsAnsweredWith429() async throws {
        let h = try await BatchHarness.start(cards: 150, faults: FaultPlan(rateLimitPerSecond: 200))
        let started = ContinuousClock.now
        let result = try await h.run(h.lockArguments + ["--rate", "100"])
        let elapsed = ContinuousClock.now - started
        let rejected = Int(h.server.statsJSON["rejections"]?.scalarText ?? "") ?? 0
        await h.stop()
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
        #expect(elapsed >= .seconds(1.4), "150 calls at 100/s take at least 1.5 s")
        #expect(rejected == 0, "never faster than --rate, so never over the sandbox's 200/s")
        h.expectEveryCardLockedOnce(150)

        // A limit far below what even a loaded machine sends, so the sandbox must answer 429.
        let limited = try await BatchHarness.start(cards: 60, faults: FaultPlan(rateLimitPerSecond: 10))
        let fast = try await limited.run(limited.lockArguments)
        let tooFast = Int(limited.server.statsJSON["rejections"]?.scalarText ?? "") ?? 0
        await limited.stop()
        #expect(fast.status == 0, "\(fast.stderr.suffix(2000))")
        #expect(tooFast > 0, "--rate-limit answers 429 beyond its rate")
        limited.expectEveryCardLockedOnce(60)
    }
}
