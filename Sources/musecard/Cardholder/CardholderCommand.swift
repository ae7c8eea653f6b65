import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore

/// `musecard cardholder …`: find a cardholder from what the ticket says.
struct CardholderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cardholder",
        abstract: "Find a cardholder by user id, external id, phone, email or name.",
        subcommands: [FindCardholder.self]
    )
}

struct FindCardholder: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find a cardholder.",
        discussion: """
            --xid asks MusePay (/v1/carduser/query). --phone, --email and --name search the index of every cardholder \\
            seen so far (card records carry the phone; cardholder answers carry name and email); where the index knows \\
            the cardholder's xid, MusePay is asked for the current record.
            """
    )
    @Option(name: .customLong("xid"), help: "The partner's own customer number (user_xid).") var xid: String?
    @Option(name: .customLong("user"), help: "Cardholder user id.") var userId: String?
    @Option(name: .customLong("phone"), help: "Phone number, with or without + and the country code.") var phone: String?
    @Option(name: .customLong("email"), help: "Email address.") var email: String?
    @Option(name: .customLong("name"), help: "Any part of the name.") var name: String?
    @Flag(help: "Print the matches as JSON.") var json = false
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        let given = [xid, userId, phone, email, name].compactMap { $0 }
        guard given.count == 1 else { throw ValidationError("give exactly one of --xid, --user, --phone, --email or --name") }
        if let id = xid ?? userId, !CardholderQuery.isIdentifier(id) {
            throw ValidationError("\(xid != nil ? "--xid" : "--user") must be letters, digits, - or _ (at most 64)")
        }
        if let phone, (CardholderQuery.phoneDigits(phone)?.count ?? 0) < 4 {
            throw ValidationError("--phone must be a phone number: digits, optionally with +, spaces or dashes")
        }
    }

    func run() async throws {
        var queries: [CardholderQuery] = []
        if let xid { queries.append(.xid(xid)) }
        if let userId { queries.append(.userId(userId)) }
        if let phone { queries.append(.phone(phone)) }
        if let email { queries.append(.email(email)) }
        if let name { queries.append(.name(name)) }
        let report = try await CardCall.find(queries, connection: connection)
        if let error = report.serviceError { StandardError.print("musecard: warning: MusePay could not be asked: \(ServiceText.message(error.description))") }
        guard !report.matches.isEmpty else {
            StandardError.print("musecard: no cardholder matches")
            throw ExitCode(ExitCodes.refused)
        }
        print(json ? CardholderText.json(report.matches) : CardholderText.table(report.matches))
    }
}

/// Cardholder matches as a table or JSON, every string sanitised.
enum CardholderText {
    static func table(_ matches: [CardholderMatch]) -> String {
        let s = ServiceText.sanitize
        let rows = matches.map { m in
            [s(m.userId), s(m.profile?.xid ?? "-"), s(m.name ?? "-"), s(m.profile?.kycStatus ?? "-"), m.maskedPhone ?? "-",
             m.cards.isEmpty ? "-" : m.cards.map { "\(s($0.cardId)) \(s($0.status?.rawValue ?? "?"))" }.joined(separator: ", ")]
        }
        return TextTable.render(header: ["USER", "XID", "NAME", "KYC", "PHONE", "KNOWN CARDS"], rows: rows)
    }

    static func json(_ matches: [CardholderMatch]) -> String {
        let items: [JSONValue] = matches.map { m in
            var b = JSONObjectBuilder()
            b.set("user_id", m.userId)
            b.set("user_xid", m.profile?.xid)
            b.set("name", m.name)
            b.set("kyc_status", m.profile?.kycStatus)
            b.set("phone", m.maskedPhone)
            b.set("email", m.profile?.email)
            b.set("cards", json: .array(m.cards.map { card in
                .object(["card_id": .string(card.cardId), "status": card.status.map { .string($0.rawValue) } ?? .null])
            }))
            return b.object
        }
        return JSONValue.array(items).prettyText()
    }
}
