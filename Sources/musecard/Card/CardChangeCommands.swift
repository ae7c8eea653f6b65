import ArgumentParser
import MuseCardKit
import MuseCardOperations

struct UpdatePhone: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update-phone", abstract: "Change the card's phone number.")
    @OptionGroup var target: CardTarget
    @Option(name: .customLong("area-code"), help: "Country calling code, digits only (e.g. 86).")
    var areaCode: String
    @Option(name: .customLong("phone"), help: "Phone number, 4–15 digits.")
    var phone: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let area = FieldRules.areaCodeDigits(areaCode)
        let operation = CardOperation.updatePhone(cardId: target.cardId, areaCode: area, phone: phone)
        try await CardCall.perform(operation, userId: target.userId, connection: connection, json: target.json) { _, _ in
            ["Phone of card \(ServiceText.sanitize(target.cardId)) changed to +\(area) \(phone)."]
        }
    }
}

struct ChangeLimit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "limit", abstract: "Set the card's daily purchase limit.")
    @OptionGroup var target: CardTarget
    // Unconditional, so `--daily -5` is read as a value and refused as an amount, not as a missing value.
    @Option(name: .customLong("daily"), parsing: .unconditional, help: "New daily purchase limit, e.g. 500 or 500.50.")
    var daily: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let amount: DecimalAmount
        do { amount = try DecimalAmount(parsing: daily) } catch { throw ExitStatus.fail(error) }
        let operation = CardOperation.changeLimit(cardId: target.cardId, amount: amount)
        try await CardCall.perform(operation, userId: target.userId, connection: connection, json: target.json) { _, _ in
            ["Daily purchase limit of card \(ServiceText.sanitize(target.cardId)) set to \(CardSummary.money(amount.text))."]
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
        let operation = CardOperation.replace(cardId: target.cardId, reason: reason)
        try await CardCall.perform(operation, userId: target.userId, connection: connection, json: target.json, requestId: requestId) { report, _ in
            let s = ServiceText.sanitize
            guard case .replaced(let newCard, let status)? = report.answer else { return [report.message] }
            return ["Card \(s(target.cardId)) replaced by \(s(newCard)) (\(s(status?.rawValue ?? "status unknown"))); request_id \(s(report.requestId ?? "?"))."]
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
        let operation = CardOperation.sensitiveInfo(cardId: target.cardId, ipAddress: ip)
        try await CardCall.perform(operation, userId: target.userId, connection: connection, json: false) { report, _ in
            guard case .sensitiveLink(let url, let expiry)? = report.answer else { return [report.message] }
            let s = ServiceText.sanitize
            if target.json { return [JSONValue.object(["url": .string(s(url.reveal())), "expiry": expiry.map { .string(s($0)) } ?? .null]).prettyText()] }
            return [s(url.reveal()), "expires \(s(expiry ?? "(not given)"))"]
        }
    }
}
