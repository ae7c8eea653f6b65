import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardStore

/// `musecard audit`: reads the audit trail back, filtered.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit trail: who did what to which card.",
        discussion: """
            Reads $XDG_STATE_HOME/musecard/audit.jsonl: one intent line before each request is sent and one result \
            line after, linked by operation_id. The table shows one row per operation; an intent without a result is \
            shown as "unknown — check the card". Unreadable lines are reported with their number and skipped. \
            With a team profile (store: kind: postgres) it reads the team database's trail, each operator as the server \
            stamped it. `musecard audit verify` checks a team database's hash chain.
            """,
        subcommands: [AuditVerifyCommand.self]
    )
    @Option(name: .customLong("user"), help: "Only this cardholder.")
    var userId: String?
    @Option(name: .customLong("card"), help: "Only this card.")
    var cardId: String?
    @Option(name: .customLong("since"), help: "Only entries from this time on: YYYY-MM-DD (UTC) or full ISO 8601.")
    var since: String?
    @Flag(help: "Print the entries as JSON Lines, as stored.")
    var json = false
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        var filter = AuditFilter(userId: userId, cardId: cardId)
        if let since {
            guard let date = AuditFilter.date(from: since) else {
                StandardError.print("musecard: --since \(since) is not a date: use YYYY-MM-DD or ISO 8601 like 2026-11-25T08:15:00Z")
                throw ExitCode(ExitStatus.usage)
            }
            filter.since = date
        }
        if try connection.settingsOrExit().store != nil { return try await teamTrail(filter) }
        let path = MuseCardPaths.resolve().auditFile.path
        let scan: AuditScan
        do { scan = try AuditLog.scan(path: path, filter: filter) } catch {
            StandardError.print("musecard: \(error)")
            throw ExitCode(ExitCodes.ioError)
        }
        for bad in scan.badLines {
            StandardError.print("musecard: \(path):\(bad.line): skipped, not an audit entry (\(bad.reason))")
        }
        if json {
            for entry in scan.entries { print(AuditLog.line(entry)) }
        } else {
            print(AuditTable.text(AuditOperation.group(scan.entries), maxWidth: TextTable.terminalWidth()))
        }
    }

    /// A team profile's trail is the database's: every operator stamped by the server.
    private func teamTrail(_ filter: AuditFilter) async throws {
        let session = try await StoreSession.open(connection, audited: false)
        guard let link = session.link, let trail = session.audit else { return }
        let entries: [AuditEntry]
        do { entries = try await trail.entries(matching: filter) } catch {
            await session.close()
            StandardError.print("musecard: cannot read the team audit trail: \(ServiceText.sanitize(String(describing: error)))")
            throw ExitCode(link.staleness.isStale ? ExitStatus.unreachable : ExitCodes.ioError)
        }
        await session.close()
        if json {
            for entry in entries { print(AuditLog.line(entry)) }
        } else {
            print(AuditTable.text(AuditOperation.group(entries), maxWidth: TextTable.terminalWidth()))
        }
    }
}

/// The human table of `musecard audit`, one row per operation; stored text is sanitised before it reaches the terminal.
enum AuditTable {
    static func text(_ operations: [AuditOperation], maxWidth: Int? = nil) -> String {
        guard !operations.isEmpty else { return "No audit entries." }
        let s = ServiceText.sanitize
        let header = ["TIME (UTC)", "OPERATOR", "PROFILE", "USER", "CARD", "ACTION", "OUTCOME", "TICKET", "REQUEST ID", "PARAMETERS"]
        let rows = operations.map { operation in
            let e = operation.first
            let values = (operation.result?.values ?? [:]).merging(e.parameters) { answer, _ in answer }
            return [e.time.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false)),
                    s(e.operatorName), s(e.profile), s(e.userId), s(e.cardId ?? "-"), s(e.action),
                    clip(s(outcome(operation))), s(e.ticket ?? "-"), s(e.requestId ?? operation.result?.requestId ?? "-"),
                    s(values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))]
        }
        // Operator, profile, outcome, ticket, request id and parameters give way to fit the terminal; ids and times never.
        return TextTable.render(header: header, rows: rows, maxWidth: maxWidth, shrinkable: [1, 2, 6, 7, 8, 9])
    }

    /// Long error texts would push every other column off screen; `--json` has them whole.
    static func clip(_ text: String) -> String { text.count > 60 ? text.prefix(59) + "…" : text }

    static func outcome(_ operation: AuditOperation) -> String { operation.outcomeText }
}
