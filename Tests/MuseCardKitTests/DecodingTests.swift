import Foundation
@testable import MuseCardKit
import Testing

/// Every quirk API.md names, read without a crash and with the right values.
struct DecodingTests {
    func envelope(_ text: String) throws -> ResponseEnvelope { try ResponseEnvelope(bytes: Array(text.utf8)) }

    @Test(arguments: [#"{"code":200,"message":"ok","data":{}}"#, #"{"code":"200","message":"ok","data":{}}"#])
    func codeAsNumberOrString(_ text: String) throws {
        #expect(try envelope(text).isSuccess)
    }

    @Test func refusalCodeAndMessageAreKept() throws {
        let answer = try envelope(#"{"code":"5004","message":"USER_STATUS_INVALID"}"#)
        #expect(!answer.isSuccess)
        #expect(answer.code == "5004")
        #expect(answer.message == "USER_STATUS_INVALID")
    }

    @Test func missingDataIsNoData() throws {
        let answer = try envelope(#"{"code":200,"message":"success"}"#)
        #expect(answer.data == nil)
        #expect(NoData(data: answer.data) == NoData())
    }

    @Test(arguments: ["", "not json", "[1,2]", #"{"message":"no code"}"#, #"{"code":200,"data":"#])
    func undecodableAnswers(_ text: String) {
        #expect(throws: MusePayError.self) { try envelope(text) }
    }

    static let cardWithNumbers = #"""
    {"user_id":60004408,"card_id":"VC1","phone_number":"13312360000","phone_area_code":86,"product_id":"P1001",
     "card_level":1,"card_network":"masterCard","card_type":"virtual","currency":"USD","card_no_last4":"4242",
     "card_status":"ACTIVE","embossed_name":"Käthe Müller","expiry_month":"11","expiry_year":2028,
     "issue_time":"1764057600123","card_available_balance":1234.56,"daily_purchaseLimit":500.5,
     "enable_present_transaction":true,"enable_noPresent_transaction":"false","future_field":{"x":[1,2]}}
    """#

    static let cardWithStrings = #"""
    {"user_id":"60004408","card_id":"VC1","card_level":"1","card_type":"PHYSICAL","card_status":"LOCK",
     "card_available_balance":"1234.56","daily_purchase_limit":"1000","issue_time":1764057600123}
    """#

    @Test func cardRecordWithNumbers() throws {
        let card = try CardRecord(data: try JSONParser.parse(Self.cardWithNumbers))
        #expect(card.userId == "60004408")
        #expect(card.cardLevel == "1")
        #expect(card.phoneAreaCode == "86")
        #expect(card.cardType == .virtual)
        #expect(card.status == .active)
        #expect(card.embossedName == "Käthe Müller")
        #expect(card.expiryYear == "2028")
        #expect(card.availableBalance == Decimal(string: "1234.56"))
        #expect(card.dailyPurchaseLimit == Decimal(string: "500.5"))
        #expect(card.enablePresentTransaction == true)
        #expect(card.enableNoPresentTransaction == false)
        #expect(card.issueDate == Date(timeIntervalSince1970: 1_764_057_600.123))
    }

    @Test func cardRecordWithStrings() throws {
        let card = try CardRecord(data: try JSONParser.parse(Self.cardWithStrings))
        #expect(card.cardLevel == "1")
        #expect(card.cardType == .physical)
        #expect(card.status == .locked)
        #expect(card.availableBalance == Decimal(string: "1234.56"))
        #expect(card.dailyPurchaseLimit == 1000)
        #expect(card.issueTime == "1764057600123")
    }

    @Test func unknownStatusIsKeptAsSent() throws {
        let card = try CardRecord(data: ["user_id": "u", "card_id": "c", "card_status": "FROZEN_BY_RISK"])
        #expect(card.status.rawValue == "FROZEN_BY_RISK")
        #expect(!card.status.isKnown)
        #expect(card.json["card_status"] == "FROZEN_BY_RISK")
    }

    @Test func cardRecordWithoutIdIsUndecodable() {
        #expect(throws: MusePayError.undecodable("data.card_id is missing")) {
            try CardRecord(data: ["user_id": "u", "card_status": "ACTIVE"])
        }
    }

    @Test func jsonOutputUsesServiceSpelling() throws {
        let card = try CardRecord(data: try JSONParser.parse(Self.cardWithNumbers))
        let json = card.json
        #expect(json["daily_purchaseLimit"] == .number("500.5"))
        #expect(json["card_available_balance"] == .number("1234.56"))
        #expect(json["card_no_last4"] == "4242")
        #expect(json["future_field"] == nil)
    }

    @Test func applyAnswersAndStatusChanges() throws {
        let receipt = ApplyReceipt(data: ["apply_status": "APPLYING", "apply_id": .number("77"), "request_id": "r1"])
        #expect(receipt.applyStatus == .applying)
        #expect(receipt.applyId == "77")
        let result = ApplyResult(data: ["apply_status": "CARD_INIT", "card_id": "VC9"])
        #expect(result.applyStatus?.isFinal == true)
        #expect(result.cardId == "VC9")
        let change = try CardStatusChange(data: ["card_id": "VC9", "card_status": "LOCK", "user_id": .number("1")])
        #expect(change.status == .locked)
        #expect(change.userId == "1")
    }

    @Test func sensitiveLinkHidesItsURL() throws {
        let link = try SensitiveInfoLink(data: ["url": "https://vault.example/one-time/abc", "expiry": "2026-11-25"])
        #expect(link.url.reveal() == "https://vault.example/one-time/abc")
        #expect(!"\(link)".contains("one-time"))
        #expect(!String(reflecting: link).contains("one-time"))
    }

    @Test func parserKeepsNumberTextAndUnicode() throws {
        let value = try JSONParser.parse(#"{"a":1000.00,"b":"\u5f20\ud83d\ude00","c":-0.5e3}"#)
        #expect(value["a"] == .number("1000.00"))
        #expect(value["b"] == .string("张😀"))
        #expect(value["c"] == .number("-0.5e3"))
        #expect(JSONValue.string("a\"b\\\u{1}").jsonText() == #""a\"b\\\u0001""#)
    }
}
