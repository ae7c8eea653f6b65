import ArgumentParser
import Foundation
import MuseCardStore

/// `musecard info`: the profile in use and every file MuseCard reads or writes.
struct InfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Show the profile in use and where MuseCard keeps its files.")
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let settings = try connection.settingsOrExit(environment: environment)
        let paths = MuseCardPaths.resolve(environment: environment)
        // The console refuses a bad `keys:` section; say so here too, with the same exit 78.
        _ = try ConsoleWiring.keyTable(settings, paths: paths)
        var lines = InfoText.lines(settings: settings, paths: paths, operatorName: settings.actingOperator(environment))
        if let store = settings.store { lines += await TeamStoreInfo.lines(store, environment: environment) }
        print(lines.joined(separator: "\n"))
    }
}

/// The text of `musecard info`; a production profile is shouted.
enum InfoText {
    static func lines(settings: ConnectionSettings, paths: MuseCardPaths, operatorName: String) -> [String] {
        let environment = settings.environment
        var lines: [String] = []
        if environment == .production {
            lines.append("!!! PRODUCTION — actions change real cardholders' cards !!!")
        }
        func row(_ label: String, _ value: String?) -> String {
            "  " + label.padding(toLength: 20, withPad: " ", startingAt: 0) + (value ?? "(not set)")
        }
        lines.append("Profile")
        lines += [
            row("name", settings.profileName ?? "(none: environment and flags only)"),
            row("environment", environment.label),
            row("base URL", settings.baseURL ?? "(not set: the built-in sandbox)"),
            row("partner id", settings.partnerId),
            row("private key", settings.privateKeyPath),
            row("platform public key", settings.platformPublicKeyPath),
            row("operator", operatorName),
            row("theme", settings.theme ?? "(default)"),
            row("read-only", settings.readOnly ? "yes" : "no"),
        ]
        lines.append("Files")
        lines += [
            row("config", paths.configFile.path + (FileManager.default.fileExists(atPath: paths.configFile.path) ? "" : " (missing: defaults)")),
            row("cache", paths.cacheFile.path),
            row("audit trail", paths.auditFile.path),
            row("journal", paths.journalFile.path),
            row("batch runs", paths.batchFile.path),
            row("log", paths.logFile.path),
            row("user themes", paths.userThemesFolder.path),
        ]
        return lines
    }
}
