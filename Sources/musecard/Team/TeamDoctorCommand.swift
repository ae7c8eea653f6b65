import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardStore

/// `musecard team doctor`: checks what an agent's console needs from the team database and says exactly what is wrong.
struct TeamDoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the team database: connection, TLS, schema version, roles, grants and clock skew.",
        discussion: "Exit 0 when everything an agent needs is in place (warnings included), 78 when something must be fixed, 69 when the server cannot be reached."
    )
    @OptionGroup var store: TeamStoreOptions
    @Option(name: .customLong("max-skew"), help: "Warn when the clocks differ by more than this many seconds.")
    var maxSkew: Double = 5

    func run() async throws {
        let database = try await store.connect()
        let checks: [TeamCheck]
        do { checks = try await TeamDoctor(database: database, maxSkew: maxSkew).run() } catch {
            await database.close()
            StandardError.print("musecard: \(ServiceText.sanitize(String(describing: error)))")
            throw ExitCode(ExitStatus.unreachable)
        }
        await database.close()
        for check in checks { print(check.line) }
        if checks.contains(where: { $0.level == .fail }) { throw ExitCode(ExitStatus.configuration) }
    }
}
