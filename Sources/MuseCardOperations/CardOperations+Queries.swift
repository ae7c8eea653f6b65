import Foundation
import MuseCardKit
import MuseCardStore

/// What a card query came to, with what the cache made of it.
public struct CardQueryReport: Sendable, Equatable {
    public var result: Result<CardRecord, MusePayError>
    /// The service says there is no such card; it was not added to the cardholder.
    public var cardUnknown: Bool
    public var at: Date
}

extension CardOperations {
    /// Queries one card (not audited: nothing changes); the record is cached, an error is noted
    /// only on a card already known, and an unknown card is never added.
    public func query(userId: String, cardId: String) async -> CardQueryReport {
        let result: Result<CardRecord, MusePayError>
        do throws(MusePayError) {
            result = .success(try await service.send(QueryCardRequest(userId: userId, cardId: cardId)))
        } catch {
            result = .failure(error)
        }
        let at = clock()
        var report = CardQueryReport(result: result, cardUnknown: false, at: at)
        guard let cache else { return report }
        switch result {
        case .success(let record):
            try? await cache.saveRecord(record, fetchedAt: at)
        case .failure(let error):
            report.cardUnknown = Self.saysCardUnknown(error)
            // Membership only: decoding every record of a large cardholder per failed query was the cost.
            let known = (try? await cache.knows(userId: userId, cardId: cardId)) ?? false
            if known { try? await cache.saveError(userId: userId, cardId: cardId, message: ServiceText.message(error.description), at: at) }
        }
        return report
    }
}
