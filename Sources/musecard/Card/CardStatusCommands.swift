import ArgumentParser
import MuseCardKit

struct GetCard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show one card's details.")
    @OptionGroup var target: CardTarget
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let request = QueryCardRequest(userId: target.userId, cardId: target.cardId)
        try await CardCall.run(request, connection: connection, json: target.json, render: CardSummary.lines)
    }
}

struct LockCard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lock", abstract: "Lock (freeze) a card.")
    @OptionGroup var target: CardTarget
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let request = LockCardRequest(userId: target.userId, cardId: target.cardId)
        try await CardCall.run(request, connection: connection, json: target.json, render: CardSummary.statusChange)
    }
}

struct UnlockCard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unlock", abstract: "Unlock a locked card.")
    @OptionGroup var target: CardTarget
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let request = UnlockCardRequest(userId: target.userId, cardId: target.cardId)
        try await CardCall.run(request, connection: connection, json: target.json, render: CardSummary.statusChange)
    }
}

struct ActivateCard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "activate", abstract: "Activate a card waiting for activation.")
    @OptionGroup var target: CardTarget
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let request = ActivateCardRequest(userId: target.userId, cardId: target.cardId)
        try await CardCall.run(request, connection: connection, json: target.json, render: CardSummary.statusChange)
    }
}

struct ActivatePhysicalCard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "activate-physical", abstract: "Activate a delivered physical card.")
    @OptionGroup var target: CardTarget
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let request = ActivatePhysicalCardRequest(userId: target.userId, cardId: target.cardId)
        try await CardCall.run(request, connection: connection, json: target.json, render: CardSummary.statusChange)
    }
}
