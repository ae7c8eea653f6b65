import Crypto
import Foundation
import PostgresNIO

/// Recomputes the team audit trail's hash chain: every row's hash must be sha256 of the previous
/// row's hash and its own canonical text, ids must follow each other, and the chain head must be the
/// last row. The first row that does not fit is named.
public enum PostgresAuditChain {
    /// What verifying found.
    public enum Result: Sendable, Equatable {
        /// Every row fits.
        case verified(rows: Int)
        /// The first row that does not, and why.
        case broken(Break)
    }

    /// The first broken link.
    public struct Break: Sendable, Equatable, CustomStringConvertible {
        /// The row's id.
        public var id: Int
        /// When the row says it was written (`nil` for a missing row).
        public var time: Date?
        /// Who the row says acted.
        public var operatorName: String?
        /// What the row says was done.
        public var action: String?
        /// What does not fit.
        public var reason: String

        /// `row 12 (2026-11-25T08:15:00Z, alice, unlock): its hash does not match its contents`.
        public var description: String {
            let details = [time.map(AuditCoding.timeText), operatorName, action].compactMap { $0 }
            return "row \(id)\(details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"): \(reason)"
        }
    }

    static let genesis = String(repeating: "0", count: 64)

    /// Walks the whole chain (every scope: it is one chain), streaming the rows.
    public static func verify(_ database: TeamDatabase) async throws -> Result {
        do {
            let rows = try await database.client.query("""
                SELECT a.id, a.time, a.operator, a.action, a.prev_hash, a.hash, audit_canonical(a) FROM audit a ORDER BY a.id
                """, logger: TeamDatabase.logger)
            var previousId = 0, previousHash = genesis, count = 0
            for try await (id, time, operatorName, action, prevHash, hash, canonical)
                in rows.decode((Int, Date, String, String, String, String, String).self) {
                func broken(_ reason: String) -> Result {
                    .broken(Break(id: id, time: time, operatorName: operatorName, action: action, reason: reason))
                }
                if id != previousId + 1 { return broken("\(missing(previousId + 1, id - 1)) before it (deleted)") }
                if prevHash != previousHash { return broken("its link to row \(previousId) does not match (prev_hash was changed)") }
                if digest(prevHash + canonical) != hash { return broken("its hash does not match its contents (the row was changed)") }
                previousId = id
                previousHash = hash
                count += 1
            }
            let head = try await database.client.query("SELECT last_id, hash FROM audit_chain_head", logger: TeamDatabase.logger)
            for try await (lastId, headHash) in head.decode((Int, String).self) {
                if lastId > previousId { return .broken(Break(id: previousId + 1, reason: "\(missing(previousId + 1, lastId)) at the end (deleted)")) }
                if lastId != previousId || headHash != previousHash {
                    return .broken(Break(id: previousId, reason: "the chain head (\(lastId)) does not match the last row (changed)"))
                }
            }
            return .verified(rows: count)
        } catch { throw TeamDatabaseError.wrap(error) }
    }

    static func missing(_ first: Int, _ last: Int) -> String {
        first == last ? "row \(first) is missing" : "rows \(first)…\(last) are missing"
    }

    /// Lower-case hex sha256 of the text's UTF-8 bytes, as PostgreSQL's `encode(sha256(…), 'hex')`.
    static func digest(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
