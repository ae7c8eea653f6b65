import ArgumentParser
import MuseCardKit
import MuseCardOperations

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
        let parameters = ApplyParameters(productId: product, level: level, areaCode: FieldRules.areaCodeDigits(areaCode), phone: phone, embossedName: embossedName)
        try await CardCall.perform(.apply(parameters), userId: userId, connection: connection, json: json, requestId: requestId) { report, _ in
            let s = ServiceText.sanitize
            guard case .applied(let receipt)? = report.answer else { return [report.message] }
            return ["Application \(s(receipt.applyId ?? "?")) is \(s(receipt.applyStatus?.rawValue ?? "?")); request_id \(s(receipt.requestId ?? report.requestId ?? "?"))."]
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
        try await CardCall.applicationResult(userId: userId, requestId: requestId, applyId: applyId, connection: connection, json: json)
    }
}
