import Foundation
import MuseCardKit
import MuseCardTestSupport

/// One isolated HOME for a store CLI test, and a way to run the binary in it.
struct CLIStoreHarness {
    static let binary = Fixtures.productsFolder.appendingPathComponent("musecard").path
    let home: URL
    var environment: [String: String]

    init() throws {
        home = Fixtures.scratchPath("musecard-home")
        environment = [
            "HOME": home.path,
            "MUSECARD_PARTNER_ID": "200001",
            "MUSECARD_PRIVATE_KEY": try Fixtures.privateCopy("keys/partner_private.pem"),
            "MUSECARD_PLATFORM_PUBLIC_KEY": Fixtures.path("keys/platform_public.pem"),
            "MUSECARD_OPERATOR": "alice",
        ]
    }

    func run(_ arguments: [String], base: URL? = nil, extra: [String: String] = [:], stdin: String? = nil) async throws -> ProcessResult {
        var env = environment
        if let base { env["MUSECARD_BASE_URL"] = base.absoluteString }
        for (key, value) in extra { env[key] = value }
        return try await ProcessRunner.run(Self.binary, arguments, stdin: stdin, environment: env, clearEnvironment: true)
    }

    var auditFile: URL { home.appendingPathComponent(".local/state/musecard/audit.jsonl") }
    var cacheFile: URL { home.appendingPathComponent(".cache/musecard/cache.sqlite") }
    var configFile: URL { home.appendingPathComponent(".config/musecard/config.yaml") }

    /// The audit trail's lines as JSON objects.
    func auditLines() throws -> [JSONValue] {
        guard let text = try? String(contentsOf: auditFile, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }

    /// The audit trail's `result` lines, one per operation that ended.
    func resultLines() throws -> [JSONValue] {
        try auditLines().filter { $0["type"] == "result" }
    }

    func writeConfig(_ text: String) throws {
        try FileManager.default.createDirectory(at: configFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: configFile, atomically: true, encoding: .utf8)
    }
}
