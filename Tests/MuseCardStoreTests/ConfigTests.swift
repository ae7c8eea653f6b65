import Foundation
import MuseCardStore
import Testing

/// `config.yaml`: profiles, default, key remapping, and errors that name the file and line.
struct ConfigTests {
    static func write(_ text: String) throws -> String {
        let path = StoreTestFolder.make("config").appendingPathComponent("config.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func failure(_ text: String) throws -> ConfigError? {
        let path = try write(text)
        do { _ = try MuseCardConfig.load(path: path); return nil } catch { return error }
    }

    @Test func aFullFileIsRead() throws {
        let path = try Self.write("""
            default: sandbox
            profiles:
              sandbox:
                base_url: http://127.0.0.1:8080
                partner_id: "200001"
                private_key: /keys/sandbox.pem
                operator: alice
              production:
                base_url: https://api.musepay.io
                partner_id: 300001
                private_key: ~/keys/prod.pem
                platform_public_key: /keys/platform.pem
                theme: high-contrast
                read_only: true
            keys:
              lock: [l, ctrl-l]
              unlock: u
            """)
        let config = try MuseCardConfig.load(path: path)
        #expect(config.defaultProfile == "sandbox")
        #expect(config.profiles["sandbox"] == ProfileSettings(name: "sandbox", baseURL: "http://127.0.0.1:8080", partnerId: "200001",
                                                             privateKeyPath: "/keys/sandbox.pem", operatorName: "alice"))
        let production = try #require(config.profiles["production"])
        #expect(production.environment == .production)
        #expect(production.readOnly && production.theme == "high-contrast" && production.partnerId == "300001")
        #expect(production.privateKeyPath?.hasPrefix("/") == true && production.privateKeyPath?.hasSuffix("/keys/prod.pem") == true)
        #expect(config.profiles["sandbox"]?.environment == .sandbox)
        #expect(config.keyBindings == ["lock": ["l", "ctrl-l"], "unlock": ["u"]])
    }

    @Test func aMissingFileIsAnEmptyConfig() throws {
        let config = try MuseCardConfig.load(path: "/nonexistent/musecard/config.yaml")
        #expect(config.profiles.isEmpty && config.defaultProfile == nil && config.keyBindings.isEmpty)
    }

    @Test func anUnknownKeyInAProfileNamesTheKeyAndLine() throws {
        let error = try #require(try Self.failure("""
            profiles:
              sandbox:
                base_url: http://127.0.0.1:8080
                partner: "200001"
            """))
        #expect(error.line == 4)
        #expect(error.file.hasSuffix("config.yaml"))
        #expect(error.message.contains("\"partner\""))
        #expect(error.description.contains("config.yaml:4:"))
    }

    @Test func brokenYAMLNamesTheLine() throws {
        let error = try #require(try Self.failure("profiles:\n  sandbox:\n    base_url: [unclosed\n    partner_id: 1\n"))
        #expect(error.line != nil)
        #expect(error.message.contains("YAML"))
    }

    @Test func badValuesNameTheirLine() throws {
        let readOnly = try #require(try Self.failure("profiles:\n  p:\n    read_only: maybe\n"))
        #expect(readOnly.line == 3 && readOnly.message.contains("read_only"))
        let missingDefault = try #require(try Self.failure("default: prod\nprofiles:\n  sandbox: {}\n"))
        #expect(missingDefault.line == 1 && missingDefault.message.contains("prod"))
        let topLevel = try #require(try Self.failure("profiles: {}\ntheme: dark\n"))
        #expect(topLevel.line == 2 && topLevel.message.contains("\"theme\""))
        let url = try #require(try Self.failure("profiles:\n  p:\n    base_url: not a url\n"))
        #expect(url.line == 3 && url.message.contains("base_url"))
    }

    @Test func environmentsFromTheBaseURL() {
        #expect(ServiceEnvironment.classify(baseURL: "https://api.musepay.io") == .production)
        #expect(ServiceEnvironment.classify(baseURL: "https://API.musepay.io/") == .production)
        #expect(ServiceEnvironment.classify(baseURL: "https://api.test.musepay.io") == .test)
        #expect(ServiceEnvironment.classify(baseURL: "http://127.0.0.1:9000") == .sandbox)
        #expect(ServiceEnvironment.classify(baseURL: "http://localhost:9000") == .sandbox)
        #expect(ServiceEnvironment.classify(baseURL: "https://musepay.example.com") == .custom)
    }

    @Test func pathsFollowXDGWithHomeFallbacks() {
        let xdg = MuseCardPaths.resolve(environment: ["HOME": "/home/a", "XDG_CONFIG_HOME": "/x/config",
                                                      "XDG_CACHE_HOME": "/x/cache", "XDG_STATE_HOME": "/x/state"])
        #expect(xdg.configFile.path == "/x/config/musecard/config.yaml")
        #expect(xdg.cacheFile.path == "/x/cache/musecard/cache.sqlite")
        #expect(xdg.auditFile.path == "/x/state/musecard/audit.jsonl")
        #expect(xdg.userThemesFolder.path == "/x/config/musecard/themes")
        let plain = MuseCardPaths.resolve(environment: ["HOME": "/home/a", "XDG_CACHE_HOME": "relative/ignored"])
        #expect(plain.configFile.path == "/home/a/.config/musecard/config.yaml")
        #expect(plain.cacheFile.path == "/home/a/.cache/musecard/cache.sqlite")
        #expect(plain.auditFile.path == "/home/a/.local/state/musecard/audit.jsonl")
        #expect(plain.logFile.path == "/home/a/.local/state/musecard/musecard.log")
    }
}
