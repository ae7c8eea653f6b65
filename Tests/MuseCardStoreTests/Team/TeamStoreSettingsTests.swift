import Foundation
@testable import MuseCardStore
import Testing

/// `store:` in a profile: the URL, the password's only sources, and errors that name the key.
struct TeamStoreSettingsTests {
    @Test func aProfileWithAPostgresStoreIsRead() throws {
        let path = try ConfigTests.write("""
            profiles:
              team:
                partner_id: "200001"
                store:
                  kind: postgres
                  url: postgres://alice@db.example:6543/musecard?sslmode=verify-full
                  password_file: /run/secrets/musecard
                  four_eyes: false
                  approval_minutes: 5
              solo:
                store: {kind: sqlite}
            """)
        let config = try MuseCardConfig.load(path: path)
        let store = try #require(config.profiles["team"]?.store)
        #expect(store.user == "alice" && store.host == "db.example" && store.port == 6543 && store.database == "musecard")
        #expect(store.sslMode == .verifyFull && store.passwordFile == "/run/secrets/musecard")
        #expect(!store.fourEyes && store.approvalMinutes == 5)
        #expect(config.profiles["solo"] != nil && config.profiles["solo"]?.store == nil)
    }

    @Test func defaultsAreLibpqs() throws {
        let store = try TeamStoreSettings(url: "postgresql://bob@10.0.0.5/team", environment: [:])
        #expect(store.port == 5432 && store.sslMode == .prefer && store.fourEyes && store.approvalMinutes == 15)
        let socket = try TeamStoreSettings(url: "postgres:///team?host=/var/run/postgresql", environment: ["USER": "carol"])
        #expect(socket.socketFolder == "/var/run/postgresql" && socket.host == nil && socket.user == "carol")
    }

    @Test func aPasswordInTheURLIsRefusedNamingTheKeyAndLine() throws {
        let error = try #require(try ConfigTests.failure("""
            profiles:
              team:
                store:
                  kind: postgres
                  url: postgres://alice:secret@db/musecard
            """))
        #expect(error.line == 5)
        #expect(error.message.contains("store.url") && error.message.contains("password"))
        #expect(!error.description.contains("secret"))
    }

    @Test(arguments: [
        (["kind: mysql"], 4, "store.kind"),
        (["kind: postgres"], 4, "needs url"),
        (["kind: postgres", "url: postgres://a@h/d?sslmode=sometimes"], 5, "sslmode"),
        (["kind: postgres", "url: postgres://a@h/d", "approval_minutes: 0"], 6, "store.approval_minutes"),
        (["kind: postgres", "url: postgres://a@h/d", "four_eyes: maybe"], 6, "store.four_eyes"),
        (["kind: postgres", "url: postgres://a@h/d", "colour: red"], 6, "unknown key \"colour\""),
        (["kind: sqlite", "url: postgres://a@h/d"], 5, "kind: postgres only"),
    ])
    func badStoreSettingsNameTheKeyAndLine(_ lines: [String], _ line: Int, _ words: String) throws {
        let text = "profiles:\n  team:\n    store:\n" + lines.map { "      \($0)\n" }.joined()
        let error = try #require(try ConfigTests.failure(text))
        #expect(error.line == line, "\(error)")
        #expect(error.message.contains(words), "\(error)")
    }

    @Test func thePasswordComesFromPasswordFileOrPgpassNeverLooseFiles() throws {
        let folder = StoreTestFolder.make("team-password")
        let file = folder.appendingPathComponent("secret").path
        _ = FileManager.default.createFile(atPath: file, contents: Data("s3cret\nignored\n".utf8), attributes: [.posixPermissions: 0o600])
        let direct = try TeamStoreSettings(url: "postgres://alice@db/team", passwordFile: file, environment: [:])
        #expect(try TeamPassword.find(for: direct, environment: [:]) == "s3cret")

        let pgpass = folder.appendingPathComponent("pgpass").path
        _ = FileManager.default.createFile(atPath: pgpass, contents: Data("""
            # comment
            other:5432:team:alice:wrong
            db:*:team:alice:pa\\:ss
            *:*:*:*:fallback

            """.utf8), attributes: [.posixPermissions: 0o600])
        let viaPgpass = try TeamStoreSettings(url: "postgres://alice@db/team", environment: [:])
        #expect(try TeamPassword.find(for: viaPgpass, environment: ["PGPASSFILE": pgpass]) == "pa:ss")
        let other = try TeamStoreSettings(url: "postgres://bob@elsewhere/x", environment: [:])
        #expect(try TeamPassword.find(for: other, environment: ["PGPASSFILE": pgpass]) == "fallback")
        #expect(try TeamPassword.find(for: other, environment: ["HOME": folder.path]) == nil)

        chmod(pgpass, 0o644)
        #expect(throws: TeamSettingsError.self) { try TeamPassword.find(for: viaPgpass, environment: ["PGPASSFILE": pgpass]) }
        chmod(file, 0o640)
        let loose = #expect(throws: TeamSettingsError.self) { try TeamPassword.find(for: direct, environment: [:]) }
        #expect(loose?.description.contains("chmod 600") == true && loose?.field == "password_file")
    }
}
