import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore

/// The team benchmark: a large index loaded through the import path, then many agents at once, each
/// opening cardholders and writing audit rows on its own connection, as consoles on many desks would.
struct TeamBench {
    let connect: @Sendable () async throws -> TeamDatabase
    let agents: Int
    let cards: Int
    let cardsPerHolder: Int
    let seconds: Double
    /// Rows of a partner id of its own, so nothing of a real partner is read or touched.
    let scope = TeamScope(partnerId: "bench-" + Nonce.make().prefix(8).lowercased(), environment: .sandbox)

    /// What one agent measured.
    struct AgentFigures: Sendable {
        var openMilliseconds: [Double] = []
        var appends = 0
    }

    /// Writes the index file, imports it and reports how long that took.
    func load(_ database: TeamDatabase, folder: URL) async throws -> (IndexImportReport, Duration) {
        let file = folder.appendingPathComponent("bench-index.csv")
        try Self.writeIndex(to: file, cards: cards, perHolder: cardsPerHolder)
        let operations = CardOperations(service: UnavailableService(error: .configuration("the benchmark does not talk to MusePay")),
                                        audit: InMemoryAuditSink(), journal: nil,
                                        cache: PostgresCardCache(database: database, scope: scope),
                                        context: OperationContext(operatorName: "bench", sessionId: "bench", profile: "bench", readOnly: false))
        let started = ContinuousClock.now
        let report = try await operations.importCards(path: file.path)
        return (report, ContinuousClock.now - started)
    }

    /// `agents` loops for `seconds`, each on a connection of its own: open a cardholder (its cards and
    /// profile), then write an intent and a result to the audit trail, as a lock would.
    func runAgents() async throws -> [AgentFigures] {
        let holders = max(1, cards / cardsPerHolder)
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        return try await withThrowingTaskGroup(of: AgentFigures.self) { group in
            for agent in 0..<agents {
                group.addTask {
                    let database = try await connect()
                    do {
                        let figures = try await loop(agent, database: database, holders: holders, until: deadline)
                        await database.close()
                        return figures
                    } catch {
                        await database.close()
                        throw error
                    }
                }
            }
            var all: [AgentFigures] = []
            for try await figures in group { all.append(figures) }
            return all
        }
    }

    /// One agent until `deadline`: a random cardholder opened, an intent and a result appended, again.
    private func loop(_ agent: Int, database: TeamDatabase, holders: Int, until deadline: ContinuousClock.Instant) async throws -> AgentFigures {
        let cache = PostgresCardCache(database: database, scope: scope)
        let audit = PostgresAuditTrail(database: database, scope: scope)
        var figures = AgentFigures()
        var generator = SystemRandomNumberGenerator()
        while ContinuousClock.now < deadline {
            let user = Self.userId(Int.random(in: 0..<holders, using: &generator))
            let started = ContinuousClock.now
            let opened = try await cache.cards(of: user)
            _ = try await cache.profile(of: user)
            figures.openMilliseconds.append(Self.milliseconds(ContinuousClock.now - started))
            guard let card = opened.first?.cardId else { throw BenchError("cardholder \(user) has no cards: the import did not load") }
            for phase in [AuditPhase.intent, .result] {
                try await audit.append(AuditEntry(time: Date(), operatorName: "bench", sessionId: "bench-\(agent)", profile: "bench",
                                                  userId: user, cardId: card, action: "lock", parameters: ["reason": "OTHER"],
                                                  phase: phase, outcome: phase == .intent ? nil : .applied,
                                                  values: phase == .intent ? [:] : ["status": "LOCK"], operationId: "op-\(agent)"))
                figures.appends += 1
            }
        }
        return figures
    }

    /// Removes the benchmark's index rows (audit rows are append-only and stay, under the bench scope).
    func cleanUp(_ database: TeamDatabase) async throws {
        try await PostgresCardCache(database: database, scope: scope).forgetAll()
    }

    /// `user_id,card_id,label` for `cards` cards, `perHolder` to a cardholder.
    static func writeIndex(to file: URL, cards: Int, perHolder: Int) throws {
        _ = FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600])
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var chunk = "user_id,card_id,label\n"
        for card in 0..<cards {
            let holder = card / perHolder
            chunk += "\(userId(holder)),BC\(String(format: "%09d", card))"
            chunk += card % perHolder == 0 ? ",Bench Holder \(holder)\n" : ",\n"
            if chunk.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data(chunk.utf8))
    }

    static func userId(_ holder: Int) -> String { "BU" + String(format: "%08d", holder) }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// The value at fraction `p` of the sorted values.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.down)))]
    }
}

/// Why the benchmark could not run.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
