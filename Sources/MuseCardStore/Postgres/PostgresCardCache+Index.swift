import Foundation
import MuseCardKit
import PostgresNIO

/// Profiles and searches: folded in Swift (see `TeamSchemaSQL.index`), compared by the server.
extension PostgresCardCache {
    public func saveProfile(_ profile: CardholderProfile) async throws {
        let p = profile
        try await execute("""
            INSERT INTO cardholder (scope, user_id, xid, first_name, first_name_folded, last_name, last_name_folded,
                email, email_folded, phone, phone_reversed, kyc_status)
            VALUES (\(scope.key), \(p.userId), \(p.xid), \(p.firstName), \(p.firstName?.lowercased()), \(p.lastName),
                \(p.lastName?.lowercased()), \(p.email), \(p.email?.lowercased()), \(p.phone), \(p.phone.map { String($0.reversed()) }),
                \(p.kycStatus))
            ON CONFLICT (scope, user_id) DO UPDATE SET
                xid = coalesce(excluded.xid, cardholder.xid),
                first_name = coalesce(excluded.first_name, cardholder.first_name),
                first_name_folded = coalesce(excluded.first_name_folded, cardholder.first_name_folded),
                last_name = coalesce(excluded.last_name, cardholder.last_name),
                last_name_folded = coalesce(excluded.last_name_folded, cardholder.last_name_folded),
                email = coalesce(excluded.email, cardholder.email),
                email_folded = coalesce(excluded.email_folded, cardholder.email_folded),
                phone = coalesce(excluded.phone, cardholder.phone),
                phone_reversed = coalesce(excluded.phone_reversed, cardholder.phone_reversed),
                kyc_status = coalesce(excluded.kyc_status, cardholder.kyc_status)
            """)
    }

    public func profile(of userId: String) async throws -> CardholderProfile? {
        try await rows("""
            SELECT user_id, xid, first_name, last_name, email, phone, kyc_status FROM cardholder
            WHERE scope = \(scope.key) AND user_id = \(userId)
            """) { row in
            let (userId, xid, first, last, email, phone, kyc) = try row.decode((String, String?, String?, String?, String?, String?, String?).self)
            return CardholderProfile(userId: userId, xid: xid, firstName: first, lastName: last, email: email, phone: phone, kycStatus: kyc)
        }.first
    }

    public func searchCardholders(_ search: CardholderSearch) async throws -> [String] {
        let key = scope.key
        switch search {
        case .xid(let xid):
            return try await userIds("SELECT user_id FROM cardholder WHERE scope = \(key) AND xid = \(xid) ORDER BY user_id")
        case .email(let email):
            return try await userIds("SELECT user_id FROM cardholder WHERE scope = \(key) AND email_folded = \(email.lowercased()) ORDER BY user_id")
        case .name(let text):
            return try await userIds("""
                SELECT user_id FROM cardholder WHERE scope = \(key) AND strpos(coalesce(first_name_folded, '') || ' ' ||
                    coalesce(last_name_folded, '') || ' ' || coalesce(label_folded, ''), \(text.lowercased())) > 0
                ORDER BY user_id
                """)
        case .phone(let digits):
            var found = Set<String>()
            for candidate in CardholderSearch.phoneCandidates(digits) {
                // The stored phone ends with the candidate: its reversal starts with the candidate reversed (an index range scan).
                let prefix = String(candidate.reversed()).replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
                found.formUnion(try await userIds("""
                    SELECT user_id FROM cardholder WHERE scope = \(key) AND phone_reversed LIKE \(prefix)
                    UNION SELECT user_id FROM card WHERE scope = \(key) AND phone = \(candidate)
                    """))
            }
            return found.sorted()
        }
    }

    private func userIds(_ query: PostgresQuery) async throws -> [String] {
        try await rows(query) { try $0.decode(String.self) }
    }
}
