import Foundation
import MuseCardKit
import MuseCardOperations
@testable import MuseCardViewModel
import Testing

/// "retrying 2/3" in the top bar while the client retries a call.
struct RetryReducerTests {
    typealias F = ConsoleFixtures

    static func state() throws -> ConsoleState { F.opened([try F.entry("C1", .active)]) }
    static let query = RetryNote(attempt: 2, maxAttempts: 3, path: QueryCardRequest.path, at: F.t0)

    @Test func aRetryIsNotedAndExpiresAfterAWhile() throws {
        var h = Harness(state: try Self.state())
        let before = h.state
        #expect(h.send(.retrying(Self.query)) == [.expireRetry(Self.query, after: RetryNote.shownFor)])
        var expected = before
        expected.data.retrying = Self.query
        #expect(h.state == expected, "the note and nothing else")
        #expect(ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).topBar.retrying == "retrying 2/3")
        #expect(h.send(.retryExpired(Self.query)) == [])
        #expect(h.state == before)
        #expect(ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).topBar.retrying == nil)
    }

    @Test func anOlderExpiryLeavesANewerRetryUp() throws {
        var h = Harness(state: try Self.state())
        var third = Self.query
        third.attempt = 3
        third.at = F.t0.addingTimeInterval(1)
        h.send(.retrying(Self.query), .retrying(third), .retryExpired(Self.query))
        #expect(h.state.data.retrying == third)
        #expect(ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).topBar.retrying == "retrying 3/3")
    }

    @Test func theAnswerForThePathClearsItAndAnAnswerForAnotherDoesNot() throws {
        let answer = ConsoleAction.cardFetched(userId: "U1", cardId: "C1", .success(try F.record("C1", .locked)), at: F.t0)
        var plain = Harness(state: try Self.state())
        plain.send(answer)
        var h = Harness(state: try Self.state())
        h.send(.retrying(Self.query))
        h.send(.transactionsLoaded(userId: "U9", cardId: "C1", page: 1, .success([])))
        #expect(h.state.data.retrying == Self.query, "another path's answer leaves it up")
        h.send(answer)
        #expect(h.state == plain.state, "the card query's answer takes it down, as if it had never been")
    }

    @Test func anAnswerForACardholderClosedMeanwhileStillEndsTheCall() throws {
        var h = Harness(state: try Self.state())
        let before = h.state
        h.send(.retrying(Self.query), .cardFetched(userId: "U9", cardId: "C9", .failure(.httpStatus(503, message: nil)), at: F.t0))
        #expect(h.state == before)
    }
}
