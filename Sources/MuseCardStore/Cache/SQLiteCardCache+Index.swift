import Foundation
import GRDB
import MuseCardKit

extension SQLiteCardCache {
    public func saveProfile(_ profile: CardholderProfile) async throws {
        let scope = scope
        try await write { db in
            try db.execute(sql: """
                INSERT INTO cardholder (profile, partner_id, user_id, xid, first_name, last_name, email, phone, kyc_status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (profile, partner_id, user_id) DO UPDATE SET
                    xid = coalesce(excluded.xid, xid), first_name = coalesce(excluded.first_name, first_name),
                    last_name = coalesce(excluded.last_name, last_name), email = coalesce(excluded.email, email),
                    phone = coalesce(excluded.phone, phone), kyc_status = coalesce(excluded.kyc_status, kyc_status)
                """, arguments: [scope.profile, scope.partnerId, profile.userId, profile.xid, profile.firstName, profile.lastName,
                                 profile.email, profile.phone, profile.kycStatus])
        }
    }

    public func profile(of userId: String) async throws -> CardholderProfile? {
        let scope = scope
        return try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM cardholder WHERE profile = ? AND partner_id = ? AND user_id = ?",
                             arguments: [scope.profile, scope.partnerId, userId]).map(Self.profile)
        }
    }

    public func searchCardholders(_ search: CardholderSearch) async throws -> [String] {
        let scope = scope
        return try await read { db in
            let base = "SELECT user_id FROM cardholder WHERE profile = ? AND partner_id = ? AND "
            var arguments: StatementArguments = [scope.profile, scope.partnerId]
            switch search {
            case .xid(let xid):
                arguments += [xid]
                return try String.fetchAll(db, sql: base + "xid = ? ORDER BY user_id", arguments: arguments)
            // Lower case as Swift has it (SQLite's `lower` knows ASCII only), and `instr`, not `LIKE`:
            // a typed `%` or `_` is text, not a pattern.
            case .email(let email):
                arguments += [email.lowercased()]
                return try String.fetchAll(db, sql: base + "swiftLowercaseString(email) = ? ORDER BY user_id", arguments: arguments)
            case .name(let text):
                arguments += [text.lowercased()]
                let name = "coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(label, '')"
                return try String.fetchAll(db, sql: base + "instr(swiftLowercaseString(\(name)), ?) > 0 ORDER BY user_id",
                                           arguments: arguments)
            case .phone(let digits):
                let candidates = CardholderSearch.phoneCandidates(digits)
                var found = Set<String>()
                for candidate in candidates {
                    found.formUnion(try String.fetchAll(db, sql: base + "phone LIKE ?", arguments: [scope.profile, scope.partnerId, "%\(candidate)"]))
                    // Card records carry the phone too.
                    found.formUnion(try String.fetchAll(db, sql: """
                        SELECT DISTINCT user_id FROM card WHERE profile = ? AND partner_id = ? AND record_json LIKE ?
                        """, arguments: [scope.profile, scope.partnerId, "%\"phone_number\":\"\(candidate)\"%"]))
                }
                return found.sorted()
            }
        }
    }

    static func profile(_ row: Row) -> CardholderProfile {
        CardholderProfile(userId: row["user_id"], xid: row["xid"], firstName: row["first_name"], lastName: row["last_name"],
                          email: row["email"], phone: row["phone"], kycStatus: row["kyc_status"])
    }
}
