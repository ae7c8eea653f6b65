import ArgumentParser
import Foundation
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
        // No status query first: an activation of a card that is not waiting fails instead of saying "already".
        try await CardCall.perform(Self.operation(target.cardId), userId: target.userId, connection: connection,
                                   json: target.json) { CardSummary.statusChange($0, before: $1) }
    }
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

struct UnlockCard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock", abstract: "Unlock a locked card.",
        discussion: """
            A card locked as LOST, STOLEN, FRAUD_SUSPECTED or COMPROMISED needs a second look: with a team store \
            (four-eyes on) the id of a second person's approval (--approval), otherwise the card's last four digits \
            (--confirm-last4, asked on a terminal when missing).
            """)
    @OptionGroup var target: CardTarget
    @Option(name: .customLong("confirm-last4"), help: "The card's last four digits, to unlock a card locked for a sensitive reason.")
    var confirmLast4: String?
    @Option(name: .customLong("approval"), help: "The id of a second person's approval (team store), to unlock a card locked for a sensitive reason.")
    var approval: String?
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        if approval != nil && confirmLast4 != nil {
            throw ExitStatus.fail(.validation(field: "--approval", reason: "give --approval or --confirm-last4, not both"))
        }
        let check = approval.map { UnlockCheck.approval(id: $0) } ?? confirmLast4.map(UnlockCheck.lastFour)
        let userId = target.userId, cardId = target.cardId
        // The status first, as lock does: an unlock of an ACTIVE card says "was already ACTIVE".
        try await CardCall.perform(.unlock(cardId: cardId, check: check), userId: userId, connection: connection, json: target.json,
                                   statusFirst: true, refine: check != nil ? nil : { await LastFourPrompt.ask($0, userId: userId, cardId: cardId) }) {
            CardSummary.statusChange($0, before: $1)
        }
    }
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
