import Foundation

/// A fresh temporary folder per test, removed by nobody (tests stay inspectable after a failure).
enum StoreTestFolder {
    static func make(_ name: String = "store") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("musecard-\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The permission bits of a file or folder.
    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int ?? -1) & 0o777
    }
}
