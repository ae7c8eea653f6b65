import Foundation
import MuseCardStore
import MuseCardTestSupport
import Testing

/// Two real OS processes writing the same cache file at once lose nothing.
struct TwoProcessTests {
    @Test func twoProcessesAddingCardsAtOnceLoseNoWrite() async throws {
        let binary = Fixtures.productsFolder.appendingPathComponent("musecard").path
        let home = StoreTestFolder.make("two-process")
        let environment = ["HOME": home.path, "MUSECARD_PARTNER_ID": "200001"]
        let count = 25
        func loop(_ prefix: String) async throws -> ProcessResult {
            // One shell per side, each running `musecard cards add` back to back.
            let script = "i=0; while [ $i -lt \(count) ]; do \"$0\" cards add --user U1 --card \(prefix)$i >/dev/null || exit 1; i=$((i+1)); done"
            return try await ProcessRunner.run("/bin/sh", ["-c", script, binary], environment: environment, clearEnvironment: true)
        }
        async let a = loop("A")
        async let b = loop("B")
        let (resultA, resultB) = try await (a, b)
        #expect(resultA.status == 0, "\(resultA.stderr)")
        #expect(resultB.status == 0, "\(resultB.stderr)")

        let paths = MuseCardPaths.resolve(environment: ["HOME": home.path])
        let cache = try SQLiteCardCache(path: paths.cacheFile.path, scope: StoreScope(profile: "default", partnerId: "200001"))
        let ids = Set(try await cache.cards(of: "U1").map(\.cardId))
        let expected = Set((0..<count).flatMap { ["A\($0)", "B\($0)"] })
        #expect(ids == expected)
    }
}
