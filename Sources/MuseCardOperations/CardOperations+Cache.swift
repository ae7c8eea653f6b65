import Foundation
import MuseCardKit
import MuseCardStore

extension CardOperations {
    /// The one rule by which answers teach the cache: an applied change amends the cached card, a
    /// replace cancels the old card and adds the new one, an error is noted only on a card already
    /// known, and a "no such card" answer never adds one (it is flagged so the front can offer to forget it).
    func learn(from report: inout OperationReport) async {
        guard let cache, let cardId = report.operation.cardId else { return }
        let userId = report.userId
        let at = report.at
        do {
            let known = try await cache.card(userId: userId, cardId: cardId)
            switch (report.outcome, report.answer) {
            case (.applied, .status(let status)?):
                try await amend(known, userId: userId, cardId: cardId, status: status, at: at, in: cache) { record in
                    if let status { record.status = status }
                }
            case (.applied, .replaced(let newCard, let status)?):
                try await amend(known, userId: userId, cardId: cardId, status: .canceled, at: at, in: cache) { $0.status = .canceled }
                try await cache.addCard(userId: userId, cardId: newCard, at: at)
                if let status { try await cache.saveRecord(CardRecord(userId: userId, cardId: newCard, status: status), fetchedAt: at) }
            case (.applied, _):
                try await amend(known, userId: userId, cardId: cardId, at: at, in: cache) { record in
                    switch report.operation {
                    case .updatePhone(_, let area, let phone): record.phoneAreaCode = area; record.phoneNumber = phone
                    case .changeLimit(_, let amount): record.dailyPurchaseLimit = amount.decimal
                    default: break
                    }
                }
            case (.notSent, _):
                break
            default:
                report.cardUnknown = report.error.map(Self.saysCardUnknown) ?? false
                if known != nil { try await cache.saveError(userId: userId, cardId: cardId, message: report.errorText, at: at) }
            }
        } catch {
            report.warnings.append("could not update the cache: \(error)")
        }
    }

    /// Changes the cached record when there is one; otherwise notes the card (the service knows it),
    /// with the status the answer gave when it gave one.
    private func amend(_ known: CachedCard?, userId: String, cardId: String, status: CardStatus? = nil, at: Date,
                       in cache: any CardCache, _ change: (inout CardRecord) -> Void) async throws {
        if var record = known?.record {
            change(&record)
            try await cache.saveRecord(record, fetchedAt: at)
        } else if let status {
            try await cache.saveRecord(CardRecord(userId: userId, cardId: cardId, status: status), fetchedAt: at)
        } else {
            try await cache.addCard(userId: userId, cardId: cardId, at: at)
        }
    }

    /// Whether the service said the card (or order) does not exist.
    public static func saysCardUnknown(_ error: MusePayError) -> Bool {
        switch error {
        case .refused(let code, _): return code == "7000"
        case .httpStatus(404, _): return true
        default: return false
        }
    }
}
