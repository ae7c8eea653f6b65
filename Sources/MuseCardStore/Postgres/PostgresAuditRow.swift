import Foundation
import MuseCardKit
import PostgresNIO

/// One row of the team audit trail: the entry with the server's id and hash chain.
public struct PostgresAuditRow: Sendable, Equatable {
    /// The row's id: gapless, in chain order.
    public var id: Int
    /// The entry as the console and `musecard audit` show it.
    public var entry: AuditEntry
    /// The hash of the row before (64 zeros for the first).
    public var previousHash: String
    /// sha256 of the previous hash and the row's canonical text.
    public var hash: String

    static let columns = """
        id, time, operator, session_id, ticket, profile, user_id, card_id, action, parameters::text, phase, outcome, code,
        message, error, answer_values::text, request_id, operation_id, run_id, prev_hash, hash
        """

    init(_ row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        func text(_ index: Int) throws -> String? { try cells[index].decode(String?.self) }
        func need(_ index: Int) throws -> String { try text(index) ?? "" }
        id = try cells[0].decode(Int.self)
        let time = try cells[1].decode(Date.self)
        let phase = AuditPhase(rawValue: try need(10)) ?? .result
        var outcome: AuditOutcome?
        switch try text(11) {
        case "applied": outcome = .applied
        case "refused": outcome = .refused(code: try need(12), message: try need(13))
        case "not-sent": outcome = .notSent(try need(14))
        case "unknown": outcome = .unknown(try need(14))
        default: outcome = nil
        }
        entry = AuditEntry(time: time, operatorName: try need(2), sessionId: try need(3), ticket: try text(4), profile: try need(5),
                           userId: try need(6), cardId: try text(7), action: try need(8), parameters: Self.dictionary(try need(9)),
                           phase: phase, outcome: outcome, values: Self.dictionary(try need(15)), requestId: try text(16),
                           operationId: try text(17), runId: try text(18))
        previousHash = try need(19)
        hash = try need(20)
    }

    static func dictionary(_ json: String) -> [String: String] {
        (try? JSONParser.parse(Array(json.utf8)))?.objectValue?.compactMapValues(\.scalarText) ?? [:]
    }
}
