import Foundation
import MuseCardKit
import MuseCardStore

/// The last applied lock of a card, as the audit trail tells it.
public struct LockInfo: Sendable, Equatable {
    public var time: Date
    public var operatorName: String
    public var ticket: String?
    /// `nil` for a lock recorded without a reason (an earlier version, or the command line without `--reason`).
    public var reason: LockReason?
}

extension CardOperations {
    /// A card's operations from the audit trail, newest first; an intent without a result reads as unknown.
    public func history(userId: String, cardId: String) async throws -> [AuditOperation] {
        let entries = try await audit.entries(matching: AuditFilter(userId: userId, cardId: cardId))
        return AuditOperation.group(entries).reversed()
    }

    /// Who locked the card last, when, and why; `nil` when the trail has no applied lock.
    public func lastLock(userId: String, cardId: String) async throws -> LockInfo? {
        guard let lock = try await history(userId: userId, cardId: cardId)
            .first(where: { $0.first.action == OperationName.lock.rawValue && $0.outcome == .applied }) else { return nil }
        let entry = lock.result ?? lock.first
        let reason = entry.parameters["lock_reason"].flatMap(LockReason.Code.init(rawValue:)).map { LockReason($0, note: entry.parameters["note"]) }
        return LockInfo(time: lock.intent?.time ?? entry.time, operatorName: entry.operatorName, ticket: entry.ticket, reason: reason)
    }

    /// One page of a card's transactions (a query: not audited).
    public func transactions(userId: String, cardId: String, page: Int = 1, pageSize: Int = 50,
                             filters: [String: String] = [:]) async -> Result<TransactionPage, MusePayError> {
        do throws(MusePayError) {
            let request = TransactionsRequest(userId: userId, cardId: cardId, pageNumber: page, pageSize: pageSize, filters: filters)
            return .success(try await service.send(request))
        } catch {
            return .failure(error)
        }
    }
}
