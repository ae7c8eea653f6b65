import Foundation

/// One card's details, as `/v1/card/query` answers them.
public struct CardRecord: ResponseData, Hashable {
    public var userId: String
    public var cardId: String
    public var phoneNumber: String?
    public var phoneAreaCode: String?
    public var productId: String?
    public var cardLevel: String?
    public var cardNetwork: String?
    public var cardType: CardType?
    public var currency: String?
    public var last4: String?
    public var status: CardStatus
    public var embossedName: String?
    public var expiryMonth: String?
    public var expiryYear: String?
    /// Epoch milliseconds as the service sends them.
    public var issueTime: String?
    /// The balance's JSON number literal as the service wrote it (kept even when out of range).
    public var availableBalanceText: String?
    /// The daily limit's JSON number literal as the service wrote it.
    public var dailyPurchaseLimitText: String?
    public var enablePresentTransaction: Bool?
    public var enableNoPresentTransaction: Bool?

    /// A record with only identity and status, for cards not yet fetched.
    public init(userId: String, cardId: String, status: CardStatus) {
        self.userId = userId
        self.cardId = cardId
        self.status = status
    }

    public init(data: JSONValue?) throws(MusePayError) {
        let f = JSONFields(data)
        userId = try f.required("user_id")
        cardId = try f.required("card_id")
        status = CardStatus(rawValue: try f.required("card_status"))
        phoneNumber = f.string("phone_number")
        phoneAreaCode = f.string("phone_area_code")
        productId = f.string("product_id")
        cardLevel = f.string("card_level")
        cardNetwork = f.string("card_network")
        cardType = f.string("card_type").map(CardType.init(rawValue:))
        currency = f.string("currency")
        last4 = f.string("card_no_last4")
        embossedName = f.string("embossed_name")
        expiryMonth = f.string("expiry_month")
        expiryYear = f.string("expiry_year")
        issueTime = f.string("issue_time")
        availableBalanceText = f.number("card_available_balance")
        // The query answer spells it camel-case; tolerate the snake-case form too.
        dailyPurchaseLimitText = f.number("daily_purchaseLimit") ?? f.number("daily_purchase_limit")
        enablePresentTransaction = f.bool("enable_present_transaction")
        enableNoPresentTransaction = f.bool("enable_noPresent_transaction")
    }

    public var json: JSONValue {
        var b = JSONObjectBuilder()
        b.set("user_id", userId)
        b.set("card_id", cardId)
        b.set("phone_number", phoneNumber)
        b.set("phone_area_code", phoneAreaCode)
        b.set("product_id", productId)
        b.set("card_level", cardLevel)
        b.set("card_network", cardNetwork)
        b.set("card_type", cardType?.rawValue)
        b.set("currency", currency)
        b.set("card_no_last4", last4)
        b.set("card_status", status.rawValue)
        b.set("embossed_name", embossedName)
        b.set("expiry_month", expiryMonth)
        b.set("expiry_year", expiryYear)
        b.set("issue_time", issueTime)
        b.set("card_available_balance", number: availableBalanceText)
        b.set("daily_purchaseLimit", number: dailyPurchaseLimitText)
        b.set("enable_present_transaction", enablePresentTransaction)
        b.set("enable_noPresent_transaction", enableNoPresentTransaction)
        return b.object
    }

    /// The balance as a `Decimal`; `nil` when absent or beyond `Decimal`'s range.
    public var availableBalance: Decimal? {
        get { availableBalanceText.flatMap(JSONFields.decimal(of:)) }
        set { availableBalanceText = JSONObjectBuilder.literal(of: newValue) }
    }

    /// The daily purchase limit as a `Decimal`; `nil` when absent or beyond `Decimal`'s range.
    public var dailyPurchaseLimit: Decimal? {
        get { dailyPurchaseLimitText.flatMap(JSONFields.decimal(of:)) }
        set { dailyPurchaseLimitText = JSONObjectBuilder.literal(of: newValue) }
    }

    /// The issue time as a date, when the service sent a readable one.
    public var issueDate: Date? {
        guard let text = issueTime, let millis = Double(text) else { return nil }
        return Date(timeIntervalSince1970: millis / 1000)
    }
}
