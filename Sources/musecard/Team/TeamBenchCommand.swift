import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardStore

/// `musecard team bench`: how one PostgreSQL server carries a team: the import of a large index, then
/// many agents at once opening cardholders and appending audit rows. Prints figures; checks nothing.
struct TeamBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure a team database: index import time, audit appends per second, cardholder open latency.",
        discussion: """
            Run it against a scratch database (musecard team init first, or connect as a role that may migrate): \
            the index rows go under a partner id of their own and are removed at the end, but audit rows are \
            append-only and stay.
            """)
    @OptionGroup var store: TeamStoreOptions
    @Option(help: "Simulated agents, each on a connection of its own.") var agents = 50
    @Option(help: "Cards loaded into the index (through the import path).") var cards = 1_000_000
    @Option(name: .customLong("cards-per-holder"), help: "Cards of each cardholder.") var cardsPerHolder = 20
    @Option(help: "How long the agents run, in seconds.") var seconds = 30.0

    func validate() throws {
        guard (1...500).contains(agents) else { throw ValidationError("--agents must be 1…500") }
        guard cards >= cardsPerHolder, cardsPerHolder >= 1 else { throw ValidationError("--cards must be at least --cards-per-holder, which must be at least 1") }
        guard seconds > 0 else { throw ValidationError("--seconds must be above 0") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let settings = try store.storeSettings(environment: environment)
        let database = try await store.connect(environment: environment)
        let connect: @Sendable () async throws -> TeamDatabase = { try await TeamDatabase.connect(settings, environment: environment) }
        do { try await measure(database, connect: connect, label: settings.label) } catch {
            await database.close()
            StandardError.print("musecard: team bench: \(ServiceText.sanitize(String(describing: error)))")
            throw ExitCode(ExitCodes.ioError)
        }
        await database.close()
    }

    private func measure(_ database: TeamDatabase, connect: @escaping @Sendable () async throws -> TeamDatabase, label: String) async throws {
        if try await database.schemaVersion() < TeamMigrations.latest { try await database.migrate() }
        let bench = TeamBench(connect: connect, agents: agents, cards: cards, cardsPerHolder: cardsPerHolder, seconds: seconds)
        print("musecard team bench: \(label), scope \(bench.scope.key): \(cards) cards (\(cardsPerHolder) per cardholder), \(agents) agents for \(String(format: "%.0f", seconds)) s")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("musecard-team-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let (report, importTime) = try await bench.load(database, folder: folder)
        let importSeconds = TeamBench.milliseconds(importTime) / 1000
        row("index import (cards import path, batches of 5,000)", String(format: "%.1f s (%.0f lines/s), %d added",
                                                                          importSeconds, Double(report.lines) / importSeconds, report.count.added))
        let started = ContinuousClock.now
        let figures = try await bench.runAgents()
        let elapsed = TeamBench.milliseconds(ContinuousClock.now - started) / 1000
        let opens = figures.flatMap(\.openMilliseconds).sorted()
        let appends = figures.map(\.appends).reduce(0, +)
        row("audit appends (\(agents) agents, chained, each committed)", String(format: "%.0f /s (%d in %.1f s)", Double(appends) / elapsed, appends, elapsed))
        row("open a cardholder with \(cardsPerHolder) cards (cards + profile)", String(format: "p50 %.1f ms · p99 %.1f ms · max %.1f ms (%d opens)",
                                                                          TeamBench.percentile(opens, 0.5), TeamBench.percentile(opens, 0.99),
                                                                          opens.last ?? .nan, opens.count))
        try await bench.cleanUp(database)
    }

    private func row(_ figure: String, _ value: String) {
        print("\(figure.padding(toLength: 56, withPad: " ", startingAt: 0)) \(value)")
    }
}
