import Foundation

/// What the index knows of a cardholder beyond the user id: from `/v1/carduser/query` answers.
public struct CardholderProfile: Sendable, Equatable {
    public var userId: String
    /// The partner's own customer number.
    public var xid: String?
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    /// Digits only, with the country calling code when known (`4915112345678`).
    public var phone: String?
    public var kycStatus: String?

    public init(userId: String, xid: String? = nil, firstName: String? = nil, lastName: String? = nil,
                email: String? = nil, phone: String? = nil, kycStatus: String? = nil) {
        self.userId = userId
        self.xid = xid
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.kycStatus = kycStatus
    }

    /// First and last name, as one line.
    public var name: String? {
        let parts = [firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}

/// How the index is searched: each by what it knows, exactly or as the person typed it.
public enum CardholderSearch: Sendable, Equatable {
    case xid(String)
    /// Compared without case.
    case email(String)
    /// Any part of the name, without case.
    case name(String)
    /// Digits only, with or without the country calling code.
    case phone(String)

    /// The phone patterns a digit string may stand for: as typed, and without a 1–4 digit country code.
    static func phoneCandidates(_ digits: String) -> [String] {
        var out = [digits]
        for drop in 1...4 where digits.count - drop >= 4 { out.append(String(digits.dropFirst(drop))) }
        if digits.hasPrefix("0") { out.append(String(digits.dropFirst())) }
        return out
    }
}
