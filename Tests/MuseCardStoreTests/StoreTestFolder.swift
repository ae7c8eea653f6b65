import Foundation
import MuseCardTestSupport

/// A fresh folder per test under the run's scratch folder (kept for the last two runs, for inspection).
enum StoreTestFolder {
    static func make(_ name: String = "store") -> URL {
        Fixtures.scratchFolder("musecard-\(name)")
    }

    /// The permission bits of a file or folder.
    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int ?? -1) & 0o777
    }
}
