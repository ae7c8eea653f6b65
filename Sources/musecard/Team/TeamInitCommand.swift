import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardStore

/// `musecard team init`: creates or migrates the schema and the group roles, optionally logins.
struct TeamInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create or migrate the team database's schema and its roles (musecard_agent, musecard_approver).",
        discussion: """
            Connect as a role allowed to create roles (e.g. the postgres superuser). Running it again is safe: \
            it says which schema version the database is at. --add-agent and --add-approver create login roles; \
            their passwords are read from standard input, one line per login in the order given (agents first), \
            and reach the server only as SCRAM verifiers.
            """
    )
    @OptionGroup var store: TeamStoreOptions
    @Option(name: .customLong("add-agent"), help: "Create a login role in musecard_agent (repeatable).")
    var agents: [String] = []
    @Option(name: .customLong("add-approver"), help: "Create a login role in musecard_approver, which is also an agent (repeatable).")
    var approvers: [String] = []

    func run() async throws {
        let logins = agents.map { ($0, false) } + approvers.map { ($0, true) }
        var passwords: [String] = []
        for (name, _) in logins {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                StandardError.print("musecard: no password for \(name) on standard input (one line per login, agents first)")
                throw ExitCode(ExitStatus.usage)
            }
            passwords.append(line)
        }
        let database = try await store.connect()
        defer { Task { await database.close() } }
        do {
            let report = try await database.migrate()
            if report.applied.isEmpty {
                print("schema is at version \(report.to): nothing to do")
            } else {
                for migration in report.applied { print("applied migration \(migration.version): \(migration.name)") }
                print("schema is at version \(report.to) (was \(report.from))")
            }
            print("roles musecard_agent and musecard_approver are in place (approvers are agents too)")
            for ((name, approver), password) in zip(logins, passwords) {
                try await database.createLogin(name, password: password, approver: approver)
                print("login \(name) is in \(approver ? "musecard_approver" : "musecard_agent")")
            }
        } catch let error as TeamDatabaseError {
            StandardError.print("musecard: \(ServiceText.sanitize(error.description))")
            switch error {
            case .settings: throw ExitCode(ExitStatus.usage)
            case .connection, .unreachable: throw ExitCode(ExitStatus.unreachable)
            case .server, .schemaAhead: throw ExitCode(ExitStatus.configuration)
            }
        }
    }
}
