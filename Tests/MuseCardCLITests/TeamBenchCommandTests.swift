import Foundation
import MuseCardTestSupport
import Testing

/// `musecard team bench` runs end to end on a small scale (its figures are for people; nothing here times it).
struct TeamBenchCommandTests {
    @Test func aSmallBenchPrintsItsFiguresAndLeavesNoIndexRows() async throws {
        let cluster = try await PostgresCluster.shared()
        let database = try await cluster.makeDatabase()
        let h = try CLIStoreHarness()
        let bench = try await h.run(["team", "bench", "--url", cluster.url(for: cluster.superuser, database: database),
                                     "--password-file", cluster.passwordFile(for: cluster.superuser),
                                     "--agents", "3", "--cards", "200", "--cards-per-holder", "20", "--seconds", "1"])
        #expect(bench.status == 0, "\(bench.stdout)\(bench.stderr)")
        for figure in ["index import", "200 added", "audit appends (3 agents", "open a cardholder with 20 cards", "p50", "p99"] {
            #expect(bench.stdout.contains(figure), "\(figure) in \(bench.stdout)")
        }
        let left = try await cluster.superSQL("SELECT (SELECT count(*) FROM card) || ' ' || (SELECT count(*) FROM cardholder)", database: database)
        #expect(left.trimmingCharacters(in: .whitespacesAndNewlines) == "0 0", "the index rows are removed")
        let audited = try await cluster.superSQL("SELECT count(*) > 0 AND bool_and(scope LIKE 'sandbox/bench-%') FROM audit", database: database)
        #expect(audited.trimmingCharacters(in: .whitespacesAndNewlines) == "t", "audit rows under the bench's own scope")

        let bad = try await h.run(["team", "bench", "--agents", "0"])
        #expect(bad.status == 64 && bad.stderr.contains("--agents"), "\(bad.stderr)")
    }
}
