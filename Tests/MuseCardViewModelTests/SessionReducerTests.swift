import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore
@testable import MuseCardViewModel
import Testing

/// Opening a cardholder, refreshing rows as answers arrive, going offline and back.
struct SessionReducerTests {
    typealias F = ConsoleFixtures

    @Test func openingShowsCachedCardsThenRefreshesThemAll() throws {
        var h = Harness(state: ConsoleState(session: F.session()))
        #expect(h.send(.openCardholder(userId: "U1", label: "Käthe", ticket: "T-9")) == [.loadCardholder(userId: "U1", label: "Käthe")])
        #expect(h.state.data.cardholder == Cardholder(userId: "U1", label: "Käthe", ticket: "T-9"))

        let cached = [try F.entry("C1", .active), try F.entry("C2", .locked)]
        let effects = h.send(.cardListOpened(userId: "U1", cached, total: cached.count))
        #expect(effects == [.fetchCards(userId: "U1", cardIds: ["C1", "C2"], maxConcurrent: 8)])
        var expected = cached
        expected[0].isLoading = true
        expected[1].isLoading = true
        #expect(h.state.data.cards == expected)
        #expect(h.state.ui.selectedCardId == "C1")
    }

    @Test func rowsUpdateOneByOneAsAnswersArrive() throws {
        var h = Harness(state: F.opened([CardEntry(cardId: "C1"), CardEntry(cardId: "C2")]))
        h.state.data.cards[0].isLoading = true
        h.state.data.cards[1].isLoading = true
        let later = F.t0.addingTimeInterval(5)
        let record = try F.record("C2", .locked)
        #expect(h.send(.cardFetched(userId: "U1", cardId: "C2", .success(record), at: later)) == [.loadLastLock(userId: "U1", cardId: "C2")],
                "a locked card asks why")
        var expected = h.state
        expected.data.cards[1] = CardEntry(cardId: "C2", record: record, fetchedAt: later)
        #expect(h.state == expected)
        #expect(h.state.data.cards[0].isLoading, "the other row is still in flight")
        #expect(h.state.data.inFlight == 1)
    }

    @Test func answersForAnotherCardholderAreIgnored() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        let before = h.state
        #expect(h.send(.cardFetched(userId: "OTHER", cardId: "C1", .success(try F.record("C1", .locked)), at: F.t0)) == [])
        #expect(h.state == before)
    }

    @Test func transportFailureGoesOfflineAndMarksCachedDataStale() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active), try F.entry("C2", .locked)]))
        h.state.data.cards[0].isLoading = true
        h.send(.cardFetched(userId: "U1", cardId: "C1", .failure(.transport(.connectionRefused)), at: F.t0))
        var expected = F.opened([try F.entry("C1", .active), try F.entry("C2", .locked)])
        expected.data.offline = true
        expected.data.cards[0].error = "MusePay is unreachable: connection refused"
        expected.data.cards[0].isStale = true
        expected.data.cards[1].isStale = true
        #expect(h.state == expected)

        h.keys("l")
        #expect(h.state.ui.modal == nil)
        #expect(h.state.ui.flash == Flash("Cannot lock: offline", .error))
        #expect(ActionAvailability.whyNot(.replace, in: h.state) == "offline")
        #expect(ActionAvailability.whyNot(.refresh, in: h.state) == nil, "refreshing is how one gets back online")

        h.send(.cardFetched(userId: "U1", cardId: "C1", .success(try F.record("C1", .active)), at: F.t0))
        #expect(!h.state.data.offline)
        #expect(h.state.data.cards[0].isStale == false)
        #expect(ActionAvailability.whyNot(.lock, in: h.state) == nil)
    }

    @Test func refreshKeysAskForTheSelectedOrAllCards() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active), try F.entry("C2", .locked)]))
        #expect(h.keys("r") == [.fetchCards(userId: "U1", cardIds: ["C1"], maxConcurrent: 8)])
        #expect(h.keys("R") == [.fetchCards(userId: "U1", cardIds: ["C2"], maxConcurrent: 8)], "C1 is already loading")
        #expect(h.keys("r") == [], "no second refresh of a card in flight")
        #expect(h.state.ui.flash == Flash("Cannot refresh card: already refreshing", .error))
    }

    @Test func pendingApplicationsFromAnEarlierSessionAreFollowedWithTheSameRequestID() throws {
        var h = Harness(state: F.opened([]))
        let pending = JournalEntry(kind: .apply, requestId: "app-1", userId: "U1", detail: "A1", createdAt: F.t0)
        let effects = h.send(.pendingRequestsLoaded(userId: "U1", [pending]))
        #expect(effects == [.pollApplication(userId: "U1", requestId: "app-1", applyId: "A1", after: .zero)])
        #expect(h.state.data.operations.first?.isInFlight == true)
        #expect(h.state.ui.modal == nil, "following an application sends no new request: nothing to confirm")
    }

    @Test func anInterruptedReplaceIsOfferedNeverSentUnasked() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        let pending = JournalEntry(kind: .replace, requestId: "rep-1", userId: "U1", cardId: "C1",
                                   parameters: ["replace_reason": "STOLEN"], createdAt: F.t0)
        #expect(h.send(.pendingRequestsLoaded(userId: "U1", [pending])) == [], "nothing is sent on opening")
        guard case .confirm(let confirmation)? = h.state.ui.modal else { Issue.record("not offered"); return }
        #expect(confirmation.command == .resume(pending))
        #expect(confirmation.confirmFocused == false, "Cancel (leave it pending) is the default")
        #expect(confirmation.message.contains { $0.contains("request_id rep-1") })
        #expect(h.keys("enter") == [], "Enter on the default leaves it pending")
        #expect(h.state.data.operations.map(\.requestId) == ["rep-1"], "still shown as pending")
        h.state.ui.modal = .confirm(confirmation)
        #expect(h.keys("y") == [.run(userId: "U1", .resume(pending), ticket: "T-1")])
        #expect(h.state.data.cards[0].pending == ["replace"])
    }

    @Test func aReadOnlySessionNeverOffersToResume() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)], readOnly: true))
        let pending = JournalEntry(kind: .replace, requestId: "rep-1", userId: "U1", cardId: "C1", createdAt: F.t0)
        #expect(h.send(.pendingRequestsLoaded(userId: "U1", [pending])) == [])
        #expect(h.state.ui.modal == nil)
        #expect(h.state.ui.flash?.text.contains("read-only: not resumed") == true)
    }

    @Test func quittingWithAChangeInFlightAsksAndWaitsByDefault() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys("l", "enter", "y")
        #expect(h.state.data.changesInFlight == 1)
        h.keys("q")
        guard case .confirm(let question)? = h.state.ui.modal else { Issue.record("quit did not ask"); return }
        #expect(question.cancelLabel == "Wait" && question.confirmLabel == "Quit anyway" && !question.confirmFocused)
        h.keys("enter")
        #expect(!h.state.ui.exitRequested, "waiting is the default")
        #expect(h.state.ui.quitWhenIdle)
        h.send(.operationFinished(F.report(.lock(cardId: "C1"), .applied, answer: .status(.locked))))
        #expect(h.state.ui.exitRequested, "quits once the answer is recorded")
        #expect(h.state.data.cards[0].status == .locked)
    }

    @Test func quitAnywayQuitsAtOnce() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys("l", "enter", "y", "q", "y")
        #expect(h.state.ui.exitRequested)
    }

    @Test func anUnknownOutcomeSaysSoAndReQueriesTheCard() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .locked)]))
        h.keys("u", "y")
        let effects = h.send(.operationFinished(F.report(.unlock(cardId: "C1"), .unknown, error: .transport(.timeout))))
        #expect(effects == [.fetchCards(userId: "U1", cardIds: ["C1"], maxConcurrent: 8)])
        #expect(h.state.ui.flash?.text.hasPrefix("unlock C1: outcome unknown — refresh the card") == true)
        #expect(h.state.data.cards[0].status == .locked, "nothing is assumed")
    }

    @Test func storeFailureIsShownAndNothingElseChanges() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        var expected = h.state
        h.send(.storeFailed("disk full"))
        expected.ui.flash = Flash("Local cache or audit trail: disk full", .error)
        #expect(h.state == expected)
    }
}
