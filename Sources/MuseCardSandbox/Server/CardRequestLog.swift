import MuseCardKit

/// Per card and path: requests received, definite answers given (no fault injected), and requests
/// received after a definite answer. Lets a test prove no line was sent again once answered.
final class CardRequestLog: Sendable {
    struct Counts: Sendable, Equatable {
        var requests = 0
        var definite = 0
        var afterDefinite = 0
    }

    private let counts = Locked<[String: [String: Counts]]>([:])

    /// One request for `cardId` on `path`; `definite` when it was answered without an injected fault.
    func record(cardId: String, path: String, definite: Bool) {
        counts.withLock { counts in
            var entry = counts[cardId, default: [:]][path, default: Counts()]
            entry.requests += 1
            if entry.definite > 0 { entry.afterDefinite += 1 }
            if definite { entry.definite += 1 }
            counts[cardId, default: [:]][path] = entry
        }
    }

    func reset() { counts.withLock { $0 = [:] } }

    /// `{"cards": {card: {path: {requests, definite, after_definite}}}, "totals": {path: {…}}}`.
    var json: JSONValue {
        counts.withLock { counts in
            var cards: [String: JSONValue] = [:]
            var totals: [String: Counts] = [:]
            func object(_ c: Counts) -> JSONValue {
                .object(["requests": .number(String(c.requests)), "definite": .number(String(c.definite)),
                         "after_definite": .number(String(c.afterDefinite))])
            }
            for (card, paths) in counts {
                cards[card] = .object(paths.mapValues(object))
                for (path, c) in paths {
                    totals[path, default: Counts()].requests += c.requests
                    totals[path, default: Counts()].definite += c.definite
                    totals[path, default: Counts()].afterDefinite += c.afterDefinite
                }
            }
            return .object(["cards": .object(cards), "totals": .object(totals.mapValues(object))])
        }
    }
}
