import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardStore

/// Which team database a command talks to: `--url` (with `--password-file`), else the profile's `store:`.
struct TeamStoreOptions: ParsableArguments {
    @OptionGroup var connection: ConnectionOptions

    @Option(name: .customLong("url"), help: "The team database, postgres://user@host:port/database?sslmode=… (default: the profile's store.url).")
    var url: String?

    @Option(name: .customLong("password-file"), help: "A file (0600) whose first line is the password (default: the profile's, else PGPASSFILE or ~/.pgpass).")
    var passwordFile: String?

    /// The settings, or the reason on standard error and exit 78.
    func storeSettings(environment: [String: String]) throws -> TeamStoreSettings {
        if let url {
            do { return try TeamStoreSettings(url: url, passwordFile: passwordFile, environment: environment) } catch {
                StandardError.print("musecard: --url: \(error.message)")
                throw ExitCode(ExitStatus.configuration)
            }
        }
        let settings = try connection.settingsOrExit(environment: environment)
        guard var store = settings.store else {
            StandardError.print("musecard: no team database: give --url postgres://… or use a profile with store: {kind: postgres, url: …}")
            throw ExitCode(ExitStatus.configuration)
        }
        if let passwordFile { store.passwordFile = passwordFile }
        return store
    }

    /// Connects, or says why not: exit 78 for a setting to fix, 69 when the server cannot be reached.
    func connect(environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> TeamDatabase {
        let settings = try storeSettings(environment: environment)
        do { return try await TeamDatabase.connect(settings, environment: environment) } catch {
            StandardError.print("musecard: \(ServiceText.sanitize(String(describing: error)))")
            if case TeamDatabaseError.settings = error { throw ExitCode(ExitStatus.configuration) }
            throw ExitCode(ExitStatus.unreachable)
        }
    }
}

/// `musecard team`: set up and check the team database.
struct TeamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "Set up and check a team database on PostgreSQL.",
        subcommands: [TeamInitCommand.self, TeamDoctorCommand.self, TeamBenchCommand.self]
    )
}
