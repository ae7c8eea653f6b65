import Foundation
import MuseCardKit
import MuseCardOperations

extension LiveEffectRunner {
    /// The last lock of a card as the operations layer reads it from the audit trail; `nil` when
    /// none is recorded or the trail cannot be read (the pane then just says nothing of why).
    func lastLock(userId: String, cardId: String) async -> LockNote? {
        guard let info = try? await env.operations.lastLock(userId: userId, cardId: cardId) else { return nil }
        return LockNote(time: info.time, operatorName: info.operatorName, ticket: info.ticket, reason: info.reason)
    }

    /// A card's history, newest first; a failure to read says why instead.
    func history(userId: String, cardId: String) async -> ConsoleAction {
        do {
            let operations = try await env.operations.history(userId: userId, cardId: cardId)
            return .historyLoaded(userId: userId, cardId: cardId, operations, error: nil)
        } catch {
            return .historyLoaded(userId: userId, cardId: cardId, [], error: String(describing: error))
        }
    }

    /// One page of a card's transactions, newest first.
    func transactions(userId: String, cardId: String, page: Int, filters: TransactionFilters) async -> Result<[Transaction], MusePayError> {
        await env.operations.transactions(userId: userId, cardId: cardId, page: page, pageSize: TransactionsState.pageSize,
                                          filters: filters.fields(now: env.now()))
            .map(\.transactions)
    }

    /// Copies `value`; `nil` when done, else why not (never the value itself).
    func copy(_ value: CopyValue) async -> String? {
        guard let clipboard = env.clipboard else { return ClipboardError.off.description }
        do {
            try await clipboard.copy(value.clipboardText)
            return nil
        } catch {
            return String(describing: error)
        }
    }
}
