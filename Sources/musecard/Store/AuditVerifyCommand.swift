import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardStore

/// `musecard audit verify`: recomputes the team audit trail's hash chain and names the first broken row.
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the team audit trail's hash chain: \"verified N rows\", or the first broken row (exit 65).",
        discussion: """
            Every row of a team database's audit trail carries the hash of the row before it, computed by the \
            server. This recomputes the whole chain and names the first row that was changed or removed. The \
            embedded trail (a file on this machine) has no chain: there is nothing to verify there.
            """
    )
    @OptionGroup var store: TeamStoreOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        if store.url == nil, try store.connection.settingsOrExit(environment: environment).store == nil {
            let path = MuseCardPaths.resolve(environment: environment).auditFile.path
            print("The audit trail of this profile is the file \(path): a local file has no hash chain, so there is nothing to verify. A team database (store: {kind: postgres}) chains its rows.")
            return
        }
        let database = try await store.connect(environment: environment)
        let result: PostgresAuditChain.Result
        do { result = try await PostgresAuditChain.verify(database) } catch {
            await database.close()
            StandardError.print("musecard: \(ServiceText.sanitize(String(describing: error)))")
            throw ExitCode(ExitStatus.unreachable)
        }
        await database.close()
        switch result {
        case .verified(let rows):
            print("verified \(rows) rows")
        case .broken(let link):
            StandardError.print("musecard: the audit trail is broken at \(ServiceText.sanitize(link.description))")
            throw ExitCode(ExitCodes.undecodable)
        }
    }
}
