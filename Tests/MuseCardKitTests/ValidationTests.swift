import MuseCardKit
import Testing

/// The validation table: each bad input is refused before sending, naming its field.
struct ValidationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let check: @Sendable () throws -> Void
        let field: String?
        var testDescription: String { label }
    }

    static let long65 = String(repeating: "a", count: 65)

    static let cases: [Case] = [
        Case(label: "empty user id", check: { try FieldRules.id("", field: "user_id") }, field: "user_id"),
        Case(label: "65-char card id", check: { try FieldRules.id(long65, field: "card_id") }, field: "card_id"),
        Case(label: "64-char id ok", check: { try FieldRules.id(String(long65.dropFirst()), field: "card_id") }, field: nil),
        Case(label: "control char id", check: { try FieldRules.id("VC\u{1B}[2J", field: "card_id") }, field: "card_id"),
        Case(label: "newline id", check: { try FieldRules.id("VC1\n", field: "card_id") }, field: "card_id"),
        Case(label: "id with & and = ok", check: { try FieldRules.id("u&1=2", field: "user_id") }, field: nil),
        Case(label: "phone 3 digits", check: { try FieldRules.phone("123") }, field: "phone_number"),
        Case(label: "phone 16 digits", check: { try FieldRules.phone("1234567890123456") }, field: "phone_number"),
        Case(label: "phone with +", check: { try FieldRules.phone("+8613312360000") }, field: "phone_number"),
        Case(label: "phone 4 digits ok", check: { try FieldRules.phone("1234") }, field: nil),
        Case(label: "phone 15 digits ok", check: { try FieldRules.phone("123456789012345") }, field: nil),
        Case(label: "area code empty", check: { try FieldRules.areaCode("") }, field: "phone_area_code"),
        Case(label: "area code 5 digits", check: { try FieldRules.areaCode("12345") }, field: "phone_area_code"),
        Case(label: "area code +86", check: { try FieldRules.areaCode("+86") }, field: "phone_area_code"),
        Case(label: "area code 1 ok", check: { try FieldRules.areaCode("1") }, field: nil),
        Case(label: "PIN 3 digits", check: { _ = try PIN("123") }, field: "card_pin"),
        Case(label: "PIN 7 digits", check: { _ = try PIN("1234567") }, field: "card_pin"),
        Case(label: "PIN letters", check: { _ = try PIN("12a4") }, field: "card_pin"),
        Case(label: "PIN fullwidth digits", check: { _ = try PIN("１２３４") }, field: "card_pin"),
        Case(label: "PIN 6 digits ok", check: { _ = try PIN("123456") }, field: nil),
        Case(label: "limit negative", check: { _ = try DecimalAmount(parsing: "-1") }, field: "daily_purchase_limit"),
        Case(label: "limit 3 decimals", check: { _ = try DecimalAmount(parsing: "1.005") }, field: "daily_purchase_limit"),
        Case(label: "limit exponent", check: { _ = try DecimalAmount(parsing: "1e3") }, field: "daily_purchase_limit"),
        Case(label: "limit empty", check: { _ = try DecimalAmount(parsing: "") }, field: "daily_purchase_limit"),
        Case(label: "limit text", check: { _ = try DecimalAmount(parsing: "abc") }, field: "daily_purchase_limit"),
        Case(label: "limit trailing dot", check: { _ = try DecimalAmount(parsing: "5.") }, field: "daily_purchase_limit"),
        Case(label: "limit 0 ok", check: { _ = try DecimalAmount(parsing: "0") }, field: nil),
        Case(label: "IP garbage", check: { try FieldRules.ipAddress("999.1.1.1") }, field: "ip_address"),
        Case(label: "IP empty", check: { try FieldRules.ipAddress("") }, field: "ip_address"),
        Case(label: "IP host name", check: { try FieldRules.ipAddress("example.com") }, field: "ip_address"),
        Case(label: "IPv4 ok", check: { try FieldRules.ipAddress("203.0.113.7") }, field: nil),
        Case(label: "IPv6 ok", check: { try FieldRules.ipAddress("2001:db8::1") }, field: nil),
        Case(label: "reason empty", check: { try FieldRules.replaceReason("") }, field: "replace_reason"),
        Case(label: "reason 129 chars", check: { try FieldRules.replaceReason(String(repeating: "x", count: 129)) }, field: "replace_reason"),
        Case(label: "reason 128 chars ok", check: { try FieldRules.replaceReason(String(repeating: "x", count: 128)) }, field: nil),
    ]

    @Test(arguments: cases)
    func rule(_ testCase: Case) {
        do {
            try testCase.check()
            #expect(testCase.field == nil, "expected \(testCase.field ?? "") to be refused")
        } catch {
            guard let error = error as? MusePayError, case .validation(let field, let reason) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(field == testCase.field)
            #expect(error.description.hasPrefix("\(field): "))
            #expect(!reason.isEmpty)
        }
    }

    @Test(arguments: [("500.50", "500.5"), ("1000", "1000"), ("1000.00", "1000"), ("007.10", "7.1"), ("0.05", "0.05"), ("0", "0")])
    func limitCanonicalText(_ input: String, _ expected: String) throws {
        #expect(try DecimalAmount(parsing: input).text == expected)
    }

    @Test func pinErrorNeverEchoesTheValue() {
        do {
            _ = try PIN("12345678")
        } catch {
            #expect(!error.description.contains("12345678"))
        }
    }

    @Test(arguments: ["http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9", "https://api.musepay.io"])
    func acceptedBaseURLs(_ url: String) throws {
        try ClientConfiguration.checkBaseURL(try #require(URL(string: url)))
    }

    @Test(arguments: ["http://api.musepay.io", "http://10.0.0.1", "ftp://x", "api.musepay.io"])
    func refusedBaseURLs(_ url: String) throws {
        #expect(throws: MusePayError.self) { try ClientConfiguration.checkBaseURL(try #require(URL(string: url))) }
    }
}

import Foundation
