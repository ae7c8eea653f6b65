import ArgumentParser
import MuseCardKit
import MuseCardStore

struct UpdatePhone: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update-phone", abstract: "Change the card's phone number.")
    @OptionGroup var target: CardTarget
    @Option(name: .customLong("area-code"), help: "Country calling code, digits only (e.g. 86).")
    var areaCode: String
    @Option(name: .customLong("phone"), help: "Phone number, 4–15 digits.")
    var phone: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let request = UpdatePhoneRequest(userId: target.userId, cardId: target.cardId, phoneAreaCode: areaCode, phoneNumber: phone)
        try await CardCall.run(request, connection: connection, json: target.json) { _ in
            ["Phone of card \(target.cardId) changed to +\(areaCode) \(phone)."]
        }
    }
}

struct ChangeLimit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "limit", abstract: "Set the card's daily purchase limit.")
    @OptionGroup var target: CardTarget
    @Option(name: .customLong("daily"), help: "New daily purchase limit, e.g. 500 or 500.50.")
    var daily: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let amount: DecimalAmount
        do { amount = try DecimalAmount(parsing: daily) } catch { throw ExitStatus.fail(error) }
        let request = LimitChangeRequest(userId: target.userId, cardId: target.cardId, dailyPurchaseLimit: amount)
        try await CardCall.run(request, connection: connection, json: target.json) { _ in
            ["Daily purchase limit of card \(target.cardId) set to \(amount.text)."]
        }
    }
}

struct ReplaceCard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replace", abstract: "Cancel a card and issue a new one of the same product.")
    @OptionGroup var target: CardTarget
    @Option(name: .customLong("reason"), help: "Why: LOST, STOLEN, DAMAGED, EXPIRED or a note (at most 128 characters).")
    var reason: String
    @Option(name: .customLong("request-id"), help: "Idempotency key; reuse it to retry the same replacement. Default: the pending one for this card, else a new one.")
    var requestId: String?
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let session = try StoreSession.open(connection, audited: true)
        let journal = await JournalNote.entry(flag: requestId, kind: .replace, userId: target.userId, cardId: target.cardId,
                                              parameters: ["replace_reason": reason], session: session, prefix: "rep") { $0.cardId == target.cardId }
        let id = journal.requestId
        let request = ReplaceCardRequest(userId: target.userId, originalCardId: target.cardId, replaceReason: reason, requestId: id)
        try await CardCall.run(request, connection: connection, json: target.json, session: session, journal: journal) { answer in
            ["Card \(target.cardId) replaced by \(answer.cardId) (\(answer.status?.rawValue ?? "status unknown")); request_id \(id)."]
        }
    }
}

struct SensitiveInfo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitive-info",
        abstract: "Get a one-time URL that reveals the card number, expiry and CVV.",
        discussion: "The URL is printed to standard output only, and only works from the given client IP."
    )
    @OptionGroup var target: CardTarget
    @Option(name: .customLong("ip"), help: "IP address of the client that will open the URL.")
    var ip: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let request = SensitiveInfoRequest(userId: target.userId, cardId: target.cardId, ipAddress: ip)
        try await CardCall.run(request, connection: connection, json: target.json) { answer in
            [answer.url.reveal(), "expires \(answer.expiry ?? "(not given)")"]
        }
    }
}
