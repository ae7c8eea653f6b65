import Foundation

/// Paths of the committed test data (keys and signing vectors) and of built products.
public enum Fixtures {
    /// The repository's root folder.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file under `Tests/Fixtures`.
    public static func path(_ relative: String) -> String {
        root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative).path
    }

    /// The text of a file under `Tests/Fixtures`.
    public static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// Copies a fixture key to a fresh temporary file with owner-only permissions.
    public static func privateCopy(_ relative: String, mode: Int = 0o600) throws -> String {
        let folder = scratchPath("musecard-keys")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent(URL(fileURLWithPath: relative).lastPathComponent).path
        try FileManager.default.copyItem(atPath: path(relative), toPath: target)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: target)
        return target
    }

    /// The folder that holds the built `musecard` binary next to the test bundle.
    public static var productsFolder: URL {
        var url = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        while url.path != "/" && !url.lastPathComponent.hasSuffix(".xctest") { url.deleteLastPathComponent() }
        return url.path == "/" ? root.appendingPathComponent(".build/debug") : url.deletingLastPathComponent()
    }
}
