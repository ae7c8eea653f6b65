import Foundation
import MuseCardStore
import MuseCardTestSupport
import Testing

/// Folders MuseCard creates are 0700 all the way down, whatever the umask.
///
/// The umask belongs to the whole process and tests run in parallel, so the loose umask is set
/// in a child shell that then runs the real binary.
struct PrivateFolderTests {
    static let binary = Fixtures.productsFolder.appendingPathComponent("musecard").path

    /// Runs `musecard ARGS` under umask 000 with a fresh HOME and the given extra variables.
    func runUnderLooseUmask(home: URL, _ arguments: [String], environment: [String: String] = [:]) async throws -> ProcessResult {
        try await ProcessRunner.run("/bin/sh", ["-c", #"umask 000 && exec "$0" "$@""#, Self.binary] + arguments,
                                    environment: ["HOME": home.path, "MUSECARD_PARTNER_ID": "200001"].merging(environment) { $1 },
                                    clearEnvironment: true)
    }

    @Test func missingParentsAre0700UnderUmask000() async throws {
        let home = StoreTestFolder.make("umask")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: home.path)
        let first = try await runUnderLooseUmask(home: home, ["cards", "list", "--user", "U1"])
        #expect(first.status == 0, "\(first.stderr)")
        // A cache below `.local/state` makes three missing parents in one go.
        let nested = home.appendingPathComponent(".local/state/cache").path
        let second = try await runUnderLooseUmask(home: home, ["cards", "list", "--user", "U1"], environment: ["XDG_CACHE_HOME": nested])
        #expect(second.status == 0, "\(second.stderr)")
        for folder in [".cache", ".cache/musecard", ".local", ".local/state", ".local/state/cache", ".local/state/cache/musecard"] {
            #expect(StoreTestFolder.mode(home.appendingPathComponent(folder).path) == 0o700, "\(folder)")
        }
        #expect(StoreTestFolder.mode(home.path) == 0o755, "an existing parent is left alone")
    }
}
