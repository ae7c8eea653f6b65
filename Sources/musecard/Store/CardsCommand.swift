import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardStore
import MuseCardOperations

/// `musecard cards …`: the cache's list of a cardholder's cards (the service has no such list).
struct CardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "List, add, forget and import the cards the index knows for a cardholder.",
        subcommands: [ListCards.self, AddCard.self, ForgetCard.self, ImportCards.self]
    )
}

/// Opens the cache of the chosen profile, or exits with a clear reason.
enum CacheAccess {
    static func open(_ connection: ConnectionOptions) async throws -> (StoreSession, any CardCache) {
        let session = try await StoreSession.open(connection, audited: false)
        guard session.settings.partnerId != nil else { throw noPartner() }
        guard let cache = session.cache else { throw ExitCode(ExitCodes.ioError) }
        return (session, cache)
    }

    /// Checks the ids, opens the cache and runs one change of the index through the operations layer; a failed write exits 74.
    static func write<T>(_ connection: ConnectionOptions, user: String, card: String?,
                         _ step: (CardOperations) async throws -> T) async throws -> T {
        try ids(user: user, card: card)
        let (session, _) = try await open(connection)
        let result: Result<T, any Error>
        do { result = .success(try await step(session.operations(service: UnavailableService(error: .configuration("this command does not talk to MusePay"))))) } catch {
            result = .failure(error)
        }
        let away = session.link?.staleness.reason
        await session.close()
        do { return try result.get() } catch {
            if let away {
                // The team would not see the change: nothing is written anywhere.
                StandardError.print("musecard: \(ServiceText.sanitize(away)); the index was not changed")
                throw ExitCode(ExitStatus.unreachable)
            }
            StandardError.print("musecard: cannot write the cache: \(error)")
            throw ExitCode(ExitCodes.ioError)
        }
    }

    /// Says that cards are kept per partner, and gives the exit to throw.
    static func noPartner() -> ExitCode {
        StandardError.print("musecard: cards are kept per partner: set a partner id (profile, MUSECARD_PARTNER_ID or --partner-id)")
        return ExitCode(ExitStatus.configuration)
    }

    static func ids(user: String, card: String?) throws {
        do {
            try FieldRules.id(user, field: "user_id")
            if let card { try FieldRules.localId(card, field: "card_id") }
        } catch { throw ExitStatus.fail(error) }
    }
}

struct ListCards: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Show the cached cards of a cardholder.")
    @Option(name: .customLong("user"), help: "Cardholder user id.")
    var userId: String
    @Flag(help: "Print the cached cards as JSON.")
    var json = false
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try CacheAccess.ids(user: userId, card: nil)
        let (_, cache) = try await CacheAccess.open(connection)
        let cards: [CachedCard]
        do { cards = try await cache.cards(of: userId) } catch {
            StandardError.print("musecard: cannot read the cache: \(error)")
            throw ExitCode(ExitCodes.ioError)
        }
        print(json ? CachedCardText.json(cards) : CachedCardText.table(cards, user: userId, now: Date()))
    }
}

struct AddCard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Note that a card belongs to a cardholder.")
    @Option(name: .customLong("user"), help: "Cardholder user id.")
    var userId: String
    @Option(name: .customLong("card"), help: "Card id.")
    var cardId: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try await CacheAccess.write(connection, user: userId, card: cardId) { try await $0.noteCard(userId: userId, cardId: cardId) }
        print("Card \(cardId) noted for cardholder \(userId).")
    }
}

struct ForgetCard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget", abstract: "Remove a card, or without --card a whole cardholder, from the cache (MusePay is untouched).",
        discussion: "Without --card the cardholder remembered by mistake leaves the local list with its cards and profile.")
    @Option(name: .customLong("user"), help: "Cardholder user id.")
    var userId: String
    @Option(name: .customLong("card"), help: "Card id; omit it to forget the cardholder and every card of theirs.")
    var cardId: String?
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        guard let cardId else {
            let known = try await CacheAccess.write(connection, user: userId, card: nil) { try await $0.forgetCardholder(userId: userId) }
            print(known ? "Cardholder \(userId) and their cards forgotten (MusePay is untouched)."
                        : "Cardholder \(userId) was not in the cache; nothing to forget.")
            return
        }
        let known = try await CacheAccess.write(connection, user: userId, card: cardId) { try await $0.forgetCard(userId: userId, cardId: cardId) }
        print(known ? "Card \(cardId) forgotten for cardholder \(userId)." : "Card \(cardId) was not in the cache of cardholder \(userId); nothing to forget.")
    }
}

