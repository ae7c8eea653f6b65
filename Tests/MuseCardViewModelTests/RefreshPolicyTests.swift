import Foundation
import MuseCardKit
@testable import MuseCardViewModel
import Testing

/// Opening a cardholder with many cards: the visible rows are queried at once, the rest handed to
/// the background refresh oldest first, and nothing is marked loading that is not being asked for.
struct RefreshPolicyTests {
    typealias F = ConsoleFixtures

    @Test func onlyTheVisibleRowsAreQueriedAtOnceTheRestOldestFirstInTheBackground() throws {
        var h = Harness(state: ConsoleState(session: F.session()))
        _ = h.send(.openCardholder(userId: "U1", label: nil, ticket: nil), .viewportChanged(listHeight: 3))
        let cards = (0..<1000).map { index -> CardEntry in
            // Card 500 was never fetched; the others get older towards the end of the list.
            CardEntry(cardId: "C\(index)", fetchedAt: index == 500 ? nil : F.t0.addingTimeInterval(-Double(index)))
        }
        let effects = h.send(.cardListOpened(userId: "U1", cards, total: cards.count))
        #expect(effects.count == 2)
        #expect(effects.first == .fetchCards(userId: "U1", cardIds: ["C0", "C1", "C2"], maxConcurrent: 8))
        guard case .refreshInBackground(let userId, let rest)? = effects.last else {
            Issue.record("no background refresh: \(effects)")
            return
        }
        #expect(userId == "U1")
        #expect(rest.count == 997)
        #expect(rest.first == CardAge(cardId: "C500", fetchedAt: nil), "never fetched comes first")
        #expect(rest.dropFirst().first?.cardId == "C999", "then the oldest")
        #expect(h.state.data.cards.filter(\.isLoading).count == 3, "background cards are not shown as loading")
        #expect(h.state.data.inFlight == 3)
    }

    @Test func aListInTwoPartsAsksForEachVisibleRowOnce() throws {
        var h = Harness(state: ConsoleState(session: F.session()))
        _ = h.send(.openCardholder(userId: "U1", label: nil, ticket: nil), .viewportChanged(listHeight: 3))
        let first = h.send(.cardListOpened(userId: "U1", (0..<5).map { CardEntry(cardId: "C\($0)") }, total: 50))
        #expect(first.first == .fetchCards(userId: "U1", cardIds: ["C0", "C1", "C2"], maxConcurrent: 8))
        // The visible rows are answered before the rest of the list arrives.
        for id in ["C0", "C1", "C2"] {
            _ = h.send(.cardFetched(userId: "U1", cardId: id, .failure(.refused(code: "404", message: "no such card")), at: F.t0))
        }
        let rest = h.send(.cardPageRead(userId: "U1", (5..<50).map { CardEntry(cardId: "C\($0)") }, from: 5, asked: nil))
        #expect(rest.count == 1, "no second query for the visible rows: \(rest)")
        guard case .refreshInBackground(_, let cards)? = rest.first else { return }
        #expect(cards.count == 47)
        #expect(h.state.data.cards.count == 50)
    }

    @Test func aShortListNeedsNoBackgroundRefresh() throws {
        var h = Harness(state: ConsoleState(session: F.session()))
        _ = h.send(.openCardholder(userId: "U1", label: nil, ticket: nil))
        let effects = h.send(.cardListOpened(userId: "U1", [CardEntry(cardId: "C1"), CardEntry(cardId: "C2")], total: 2))
        #expect(effects == [.fetchCards(userId: "U1", cardIds: ["C1", "C2"], maxConcurrent: 8)])
    }

    @Test func theTokenBucketStartsFullAndRefillsWithTime() async throws {
        let bucket = TokenBucket(perMinute: 6000)
        for _ in 0..<10 { #expect(await bucket.take()) }
        // 6000 a minute is one each 10 ms: the bucket is far from empty, so no wait is needed.
        #expect(await bucket.take())
    }

    @Test func theBackgroundRefreshKeepsToItsBudgetAndSkipsFreshCards() async throws {
        let refresher = BackgroundRefresher()
        let asked = Asked()
        let now = F.t0
        let cards = (0..<200).map { CardAge(cardId: "C\($0)", fetchedAt: $0 % 2 == 0 ? now : now.addingTimeInterval(-3600)) }
        // Ten a minute: the first ten at once, then one every six seconds.
        let started = ContinuousClock.now
        refresher.start(cards, budget: RefreshBudget(maxInFlight: 2, perMinute: 10, staleAfter: 600), now: { now }) { id in
            await asked.add(id)
        }
        // However slow the machine, the first ten go; the eleventh waits six seconds.
        for _ in 0..<400 where await asked.ids.count < 10 { try await Task.sleep(for: .milliseconds(25)) }
        try await Task.sleep(for: .milliseconds(300))
        refresher.cancel()
        let ids = await asked.ids
        // A machine loaded enough to take six seconds over the first ten has earned a refill
        // meanwhile: allow one more per six seconds elapsed, never the list's 100 stale cards.
        let refills = Int((ContinuousClock.now - started) / .seconds(6))
        #expect(ids.count >= 10 && ids.count <= 10 + refills, "the budget, not the list, sets the pace: \(ids.count) after \(refills) refills")
        #expect(ids.allSatisfy { (Int($0.dropFirst()) ?? 0) % 2 == 1 }, "fresh cards are skipped")
    }
}

/// The card ids a test refresh asked for.
private actor Asked {
    var ids: [String] = []
    func add(_ id: String) { ids.append(id) }
}
