import Foundation

/// One page of card transactions.
public struct TransactionPage: ResponseData, Equatable {
    public var transactions: [Transaction]
    let raw: JSONValue

    public init(data: JSONValue?) {
        if case .array(let items)? = JSONFields(data).value("transactions") {
            transactions = items.map(Transaction.init(json:))
        } else {
            transactions = []
        }
        raw = data ?? .object([:])
    }

    public var json: JSONValue { raw }
}

/// A card transaction (the service spells these keys camel-case).
public struct Transaction: Sendable, Equatable {
    public var detailId: String?
    /// The amount's JSON number literal as the service wrote it.
    public var amountText: String?
    public var currency: String?
    public var createdAt: String?
    public var postedAt: String?
    public var status: String?
    public var type: String?
    public var merchantName: String?

    init(json: JSONValue) {
        let f = JSONFields(json)
        detailId = f.string("detailId")
        amountText = f.number("txAmount")
        currency = f.string("txCurrency")
        createdAt = f.string("txCreatedAt")
        postedAt = f.string("txPostedAt")
        status = f.string("txStatus")
        type = f.string("txType")
        merchantName = JSONFields(f.value("merchant")).string("name")
    }

    /// The amount as a `Decimal`; `nil` when absent or beyond `Decimal`'s range.
    public var amount: Decimal? { amountText.flatMap(JSONFields.decimal(of:)) }
}

/// A cardholder as `/v1/carduser/query` describes them.
public struct CardUser: ResponseData, Equatable {
    public var userId: String?
    public var userXid: String?
    public var kycStatus: String?
    public var email: String?
    public var phoneNumber: String?
    public var firstName: String?
    public var lastName: String?
    let raw: JSONValue

    public init(data: JSONValue?) {
        let f = JSONFields(data)
        userId = f.string("user_id")
        userXid = f.string("user_xid")
        kycStatus = f.string("kyc_status")
        email = f.string("email")
        phoneNumber = f.string("phone_number")
        firstName = f.string("first_name")
        lastName = f.string("last_name")
        raw = data ?? .object([:])
    }

    public var json: JSONValue { raw }
}
