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
    public var merchantMCC: String?
    public var merchantCountry: String?
    public var merchantCategory: String?
    /// The authorised amount's literal, when the answer gives one (hotels hold more than they charge).
    public var authorisedAmountText: String?
    public var authorisedCurrency: String?
    /// Why a declined transaction was declined, when the answer says.
    public var declineReason: String?
    /// Every field as the service sent it, for a details view.
    public var fields: JSONValue

    init(json: JSONValue) {
        let f = JSONFields(json)
        detailId = f.string("detailId")
        amountText = f.number("txAmount")
        currency = f.string("txCurrency")
        createdAt = f.string("txCreatedAt")
        postedAt = f.string("txPostedAt")
        status = f.string("txStatus")
        type = f.string("txType")
        let merchant = JSONFields(f.value("merchant"))
        merchantName = merchant.string("name")
        merchantMCC = merchant.string("mcc")
        merchantCountry = merchant.string("country")
        merchantCategory = merchant.string("category")
        let authorization = JSONFields(f.value("authorization"))
        authorisedAmountText = authorization.number("amount")
        authorisedCurrency = authorization.string("currency")
        declineReason = f.string("declineReason")
        fields = json
    }

    /// Declined or failed: what a support agent looks for first.
    public var isDeclined: Bool {
        guard let status = status?.uppercased() else { return false }
        return status == "DECLINED" || status == "FAILED" || status == "REJECTED"
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
