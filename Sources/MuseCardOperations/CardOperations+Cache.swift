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
            switch (report.outcome, report.answer) {
            case (.applied, .status(let status)?):
                try await cache.amendRecord(userId: userId, cardId: cardId, at: at) { record in
                    guard var record else { return status.map { CardRecord(userId: userId, cardId: cardId, status: $0) } }
                    if let status { record.status = status }
                    return record
                }
            case (.applied, .replaced(let newCard, let status)?):
                try await cache.amendRecord(userId: userId, cardId: cardId, at: at) { record in
                    guard var record else { return CardRecord(userId: userId, cardId: cardId, status: .canceled) }
                    record.status = .canceled
                    return record
                }
                try await cache.addCard(userId: userId, cardId: newCard, at: at)
                if let status { try await cache.saveRecord(CardRecord(userId: userId, cardId: newCard, status: status), fetchedAt: at) }
            case (.applied, _):
                let operation = report.operation
                try await cache.amendRecord(userId: userId, cardId: cardId, at: at) { record in
                    guard var record else { return nil }
                    switch operation {
                    case .updatePhone(_, let area, let phone): record.phoneAreaCode = area; record.phoneNumber = phone
                    case .changeLimit(_, let amount): record.dailyPurchaseLimit = amount.decimal
                    default: break
                    }
                    return record
                }
            case (.notSent, _):
                break
            default:
                report.cardUnknown = report.error.map(Self.saysCardUnknown) ?? false
                if try await cache.knows(userId: userId, cardId: cardId) {
                    try await cache.saveError(userId: userId, cardId: cardId, message: report.errorText, at: at)
                }
            }
        } catch {
            report.warnings.append("could not update the cache: \(error)")
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
