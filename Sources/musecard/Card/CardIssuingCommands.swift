import ArgumentParser
import MuseCardKit
import MuseCardStore

struct ApplyCard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apply", abstract: "Apply for a card for a cardholder.")
    @Option(name: .customLong("user"), help: "Cardholder user id.")
    var userId: String
    @Option(name: .customLong("product"), help: "Card product id.")
    var product: String
    @Option(name: .customLong("level"), help: "Card level (1 = Platinum, 2, 3).")
    var level: String
    @Option(name: .customLong("area-code"), help: "Country calling code, digits only.")
    var areaCode: String
    @Option(name: .customLong("phone"), help: "Pre-verified phone number, 4–15 digits.")
    var phone: String
    @Option(name: .customLong("embossed-name"), help: "Name printed on the card.")
    var embossedName: String?
    @Option(name: .customLong("request-id"), help: "Idempotency key; reuse it to retry the same application. Default: the pending one for this product, else a new one.")
    var requestId: String?
    @Flag(help: "Print the decoded answer as JSON.")
    var json = false
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let session = try StoreSession.open(connection, audited: true)
        var parameters = ["card_product_id": product, "card_level": level, "phone_area_code": areaCode, "phone_number": phone]
        parameters["embossed_name"] = embossedName
        let journal = await JournalNote.entry(flag: requestId, kind: .apply, userId: userId, cardId: nil, parameters: parameters,
                                              session: session, prefix: "app") { $0.parameters["card_product_id"] == product }
        let id = journal.requestId
        let request = ApplyCardRequest(userId: userId, requestId: id, cardProductId: product, cardLevel: level,
                                       phoneAreaCode: areaCode, phoneNumber: phone, embossedName: embossedName)
        try await CardCall.run(request, connection: connection, json: json, session: session, journal: journal) { answer in
            ["Application \(answer.applyId ?? "?") is \(answer.applyStatus?.rawValue ?? "?"); request_id \(answer.requestId ?? id)."]
        }
    }
}

struct ApplyResultCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apply-result", abstract: "Show where a card application stands.")
    @Option(name: .customLong("user"), help: "Cardholder user id.")
    var userId: String
    @Option(name: .customLong("request-id"), help: "The application's request id.")
    var requestId: String
    @Option(name: .customLong("apply-id"), help: "The application id, if known.")
    var applyId: String?
    @Flag(help: "Print the decoded answer as JSON.")
    var json = false
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let request = ApplyResultRequest(userId: userId, requestId: requestId, applyId: applyId)
        try await CardCall.run(request, connection: connection, json: json) { answer in
            let card = answer.cardId.map { ", card \($0)" } ?? ""
            return ["Application \(answer.applyId ?? "?") is \(answer.applyStatus?.rawValue ?? "?")\(card)."]
        }
    }
}
