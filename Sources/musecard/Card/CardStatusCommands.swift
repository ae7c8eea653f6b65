import ArgumentParser
import MuseCardKit
import MuseCardOperations

struct GetCard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show one card's details.")
    @OptionGroup var target: CardTarget
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try await CardCall.query(userId: target.userId, cardId: target.cardId, connection: connection, json: target.json)
    }
}

/// Lock, unlock and both activations: one operation on one card, answered with its new status.
protocol StatusCommand: AsyncParsableCommand {
    var target: CardTarget { get }
    var connection: ConnectionOptions { get }
    static func operation(_ cardId: String) -> CardOperation
}

extension StatusCommand {
    func run() async throws {
        try await CardCall.perform(Self.operation(target.cardId), userId: target.userId, connection: connection,
                                   json: target.json, statusFirst: Self.tellsAlready) { CardSummary.statusChange($0, before: $1) }
    }

    /// Whether the command asks the status first to say "already" (unlock; activations fail instead).
    static var tellsAlready: Bool { false }
}

struct LockCard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lock", abstract: "Lock (freeze) a card.")
    @OptionGroup var target: CardTarget
    @Option(name: .customLong("reason"), help: "Why: CUSTOMER_REQUEST, LOST, STOLEN, FRAUD_SUSPECTED, COMPROMISED or OTHER (recorded in the audit trail).")
    var reason: String?
    @Option(name: .customLong("note"), help: "A note for the audit trail; required with --reason OTHER.")
    var note: String?
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        var lockReason: LockReason?
        if let reason {
            do { lockReason = try LockReason(parsing: reason, note: note) } catch { throw ExitStatus.fail(error) }
        } else if note != nil {
            throw ExitStatus.fail(.validation(field: "--note", reason: "needs --reason"))
        }
        try await CardCall.perform(.lock(cardId: target.cardId, reason: lockReason), userId: target.userId, connection: connection,
                                   json: target.json, statusFirst: true) { CardSummary.statusChange($0, before: $1) }
    }
}

struct UnlockCard: StatusCommand {
    static let configuration = CommandConfiguration(commandName: "unlock", abstract: "Unlock a locked card.")
    @OptionGroup var target: CardTarget
    @OptionGroup var connection: ConnectionOptions
    static func operation(_ cardId: String) -> CardOperation { .unlock(cardId: cardId) }
    static var tellsAlready: Bool { true }
}

struct ActivateCard: StatusCommand {
    static let configuration = CommandConfiguration(commandName: "activate", abstract: "Activate a card waiting for activation.")
    @OptionGroup var target: CardTarget
    @OptionGroup var connection: ConnectionOptions
    static func operation(_ cardId: String) -> CardOperation { .activate(cardId: cardId) }
}

struct ActivatePhysicalCard: StatusCommand {
    static let configuration = CommandConfiguration(commandName: "activate-physical", abstract: "Activate a delivered physical card.")
    @OptionGroup var target: CardTarget
    @OptionGroup var connection: ConnectionOptions
    static func operation(_ cardId: String) -> CardOperation { .activatePhysical(cardId: cardId) }
}
