import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore

/// `musecard approvals …`: four-eyes unlock approvals on a team store, thin over the operations
/// layer (it holds every rule; the store enforces who may decide).
struct ApprovalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approvals",
        abstract: "Ask for, list, approve and deny four-eyes approvals of sensitive unlocks (team store).",
        subcommands: [RequestApprovalCommand.self, ListApprovalsCommand.self, ApproveCommand.self, DenyCommand.self]
    )

    /// Runs `work` with the operations layer of the profile (no MusePay call is made); an error exits with its code.
    static func run<T>(_ connection: ConnectionOptions, audited: Bool, _ work: (CardOperations) async throws(MusePayError) -> T) async throws -> T {
        LogSetup.commandLine()
        let session = try await StoreSession.open(connection, audited: audited)
        let operations = session.operations(service: UnavailableService(error: .configuration("approvals do not talk to MusePay")))
        let result: Result<T, MusePayError>
        do throws(MusePayError) { result = .success(try await work(operations)) } catch { result = .failure(error) }
        await session.close()
        do { return try result.get() } catch { throw ExitStatus.fail(error, isChange: true) }
    }

    static func describe(_ request: ApprovalRequest) -> String {
        let s = ServiceText.sanitize
        var text = "\(s(request.id)): unlock of card \(s(request.cardId)) (\(s(request.lockReason))) asked by \(s(request.requestedBy)), \(request.state.rawValue)"
        if let by = request.decidedBy { text += " by \(s(by))" }
        if let note = request.decisionNote { text += ": \(s(note))" }
        return text
    }
}

struct RequestApprovalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "request", abstract: "Ask a second person to approve one unlock of a card locked for a sensitive reason.")
    @Option(name: .customLong("user"), help: "Cardholder user id.") var userId: String
    @Option(name: .customLong("card"), help: "Card id.") var cardId: String
    @Option(name: .customLong("note"), help: "Why the card can be unlocked (required; the approver reads it).") var note: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let request = try await ApprovalsCommand.run(connection, audited: true) { operations throws(MusePayError) in
            try await operations.requestApproval(userId: userId, cardId: cardId, note: note)
        }
        print("Asked: \(ApprovalsCommand.describe(request)). Once approved: musecard card unlock --user \(userId) --card \(cardId) --approval \(request.id)")
    }
}

struct ListApprovalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the requests waiting for a decision, oldest first.")
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let pending = try await ApprovalsCommand.run(connection, audited: false) { operations throws(MusePayError) in
            try await operations.pendingApprovals()
        }
        let s = ServiceText.sanitize
        let rows = pending.map { [s($0.id), $0.requestedAt.formatted(.iso8601), s($0.userId), s($0.cardId), s($0.lockReason), s($0.requestedBy), s($0.note)] }
        print(rows.isEmpty ? "No request is waiting."
              : TextTable.render(header: ["ID", "ASKED", "USER", "CARD", "REASON", "ASKED BY", "NOTE"], rows: rows,
                                 maxWidth: TextTable.terminalWidth(), shrinkable: [6]))
    }
}

struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve another agent's request (never your own).")
    @Argument(help: "The request's id.") var id: String
    @Option(name: .customLong("note"), help: "An optional note for the requester.") var note: String?
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let request = try await ApprovalsCommand.run(connection, audited: false) { operations throws(MusePayError) in
            try await operations.approve(id: id, note: note)
        }
        print("Approved: \(ApprovalsCommand.describe(request))")
    }
}

struct DenyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deny", abstract: "Deny another agent's request, saying why.")
    @Argument(help: "The request's id.") var id: String
    @Option(name: .customLong("note"), help: "Why the card stays locked (required).") var note: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let request = try await ApprovalsCommand.run(connection, audited: false) { operations throws(MusePayError) in
            try await operations.deny(id: id, note: note)
        }
        print("Denied: \(ApprovalsCommand.describe(request))")
    }
}
