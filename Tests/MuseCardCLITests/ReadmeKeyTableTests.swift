import Foundation
import MuseCardTestSupport
import Testing

/// The README's key list is the key table's own output, so the two cannot drift apart.
struct ReadmeKeyTableTests {
    @Test func readmeListsTheKeyTableAsTheBinaryPrintsIt() async throws {
        let binary = Fixtures.productsFolder.appendingPathComponent("musecard").path
        let result = try await ProcessRunner.run(binary, ["keys", "--markdown"])
        #expect(result.status == 0)
        let table = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(table.contains("| `l` | lock | `lock` |"))
        let readme = try String(contentsOf: Fixtures.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(table), "README.md's key list is out of date: paste `musecard keys --markdown`")
    }
}
