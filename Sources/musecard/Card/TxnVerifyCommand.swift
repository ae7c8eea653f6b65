import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardOperations

struct TxnVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "txn-verify",
        abstract: "Confirm or decline a transaction MusePay asked the cardholder to verify.",
        discussion: "The verification token is read from standard input (one line), never an argument; it is sent, never recorded."
    )
    @OptionGroup var target: CardTarget
    @Option(name: .customLong("request-id"), help: "The verification's request id.") var requestId: String
    @Flag(name: .customLong("confirm"), help: "The cardholder made the transaction.") var confirm = false
    @Flag(name: .customLong("decline"), help: "The cardholder did not make the transaction.") var decline = false
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard confirm != decline else { throw ValidationError("give exactly one of --confirm or --decline") }
    }

    func run() async throws {
        guard let token = readLine(strippingNewline: true), !token.isEmpty else {
            throw ExitStatus.fail(.validation(field: "token", reason: "expected the verification token on standard input"))
        }
        let operation = CardOperation.txnVerify(cardId: target.cardId, requestId: requestId, token: token, confirm: confirm)
        try await CardCall.perform(operation, userId: target.userId, connection: connection, json: target.json) { _, _ in
            ["Verification \(ServiceText.sanitize(requestId)) of card \(ServiceText.sanitize(target.cardId)) \(confirm ? "confirmed" : "declined")."]
        }
    }
}
