import Foundation
import MuseCardKit
@testable import MuseCardViewModel
import Testing

/// A cardholder with a thousand cards: the console holds the first page and reads more as the
/// selection nears its end; keys that need every card wait for the rest and then do their work.
struct CardPagingTests {
    typealias F = ConsoleFixtures

    /// Cards C0…C(n-1); every third one LOCK, the rest ACTIVE.
    static func cards(_ range: Range<Int>) throws -> [CardEntry] {
        try range.map { try F.entry("C\($0)", $0 % 3 == 0 ? .locked : .active) }
    }

    /// A console on U1 with the first 200 of 1,000 cards read, ten rows high.
    static func opened() throws -> Harness {
        var h = Harness(state: ConsoleState(session: F.session()))
        h.send(.openCardholder(userId: "U1", label: nil, ticket: nil), .viewportChanged(listHeight: 10))
        h.send(.cardListOpened(userId: "U1", try cards(0..<200), total: 1000))
        return h
    }

    @Test func theTitleAndPositionCountEveryCardBeforeTheyAreRead() throws {
        let h = try Self.opened()
        #expect(h.state.data.cards.count == 200)
        #expect(h.state.data.paging == CardPaging(total: 1000, read: 200))
        let screen = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10)
        #expect(screen.cardholderTitle == "Cards (1000)")
        #expect(screen.totalRows == 1000)
    }

    @Test func aTerminalTallerThanTheFirstPageReadsTheNextAtOnce() throws {
        var h = Harness(state: ConsoleState(session: F.session()))
        h.send(.openCardholder(userId: "U1", label: nil, ticket: nil), .viewportChanged(listHeight: 90))
        let effects = h.send(.cardListOpened(userId: "U1", try Self.cards(0..<100), total: 1000))
        #expect(effects.last == .readCards(userId: "U1", from: 100, limit: CardPaging.pageSize))
    }

    @Test func aWindowMadeTallerReadsTheRowsItWouldShow() throws {
        var h = Harness(state: ConsoleState(session: F.session()))
        h.send(.openCardholder(userId: "U1", label: nil, ticket: nil), .viewportChanged(listHeight: 10))
        #expect(h.send(.cardListOpened(userId: "U1", try Self.cards(0..<60), total: 1000)).allSatisfy { effect in
            if case .readCards = effect { false } else { true }
        })
        #expect(h.send(.viewportChanged(listHeight: 55)) == [.readCards(userId: "U1", from: 60, limit: CardPaging.pageSize)])
    }

    @Test func aShortListIsWholeFromTheStart() throws {
        var h = Harness(state: ConsoleState(session: F.session()))
        h.send(.openCardholder(userId: "U1", label: nil, ticket: nil))
        h.send(.cardListOpened(userId: "U1", try Self.cards(0..<5), total: 5))
        #expect(h.state.data.paging == nil)
        #expect(h.keys("G").isEmpty)
        #expect(h.state.ui.selectedCardId == "C4")
    }

    @Test func theNextPageIsReadOnceWhenTheSelectionNearsTheLastRowRead() throws {
        var h = try Self.opened()
        // Ten rows high: a page is read when fewer than 10 + readAhead rows are left below the selection.
        let quiet = 200 - (10 + CardPaging.readAhead) - 1
        #expect(h.keys(Array(repeating: "j", count: quiet)).isEmpty, "far from the end: nothing read")
        #expect(h.keys("j") == [.readCards(userId: "U1", from: 200, limit: CardPaging.pageSize)])
        #expect(h.keys("j", "j", "pgdn").isEmpty, "one page at a time")
        let effects = h.send(.cardPageRead(userId: "U1", try Self.cards(200..<700), from: 200, asked: CardPaging.pageSize))
        #expect(!effects.contains { if case .readCards = $0 { true } else { false } }, "the selection is far from the end again")
        #expect(h.state.data.cards.count == 700)
        #expect(h.state.data.paging == CardPaging(total: 1000, read: 700))
        #expect(h.state.ui.selectedCardId == "C\(quiet + 1 + 2 + 10)")
    }

    @Test func aShortPageEndsTheList() throws {
        var h = try Self.opened()
        h.send(.cardPageRead(userId: "U1", try Self.cards(200..<450), from: 200, asked: CardPaging.pageSize))
        #expect(h.state.data.paging == nil)
        #expect(h.state.data.knownCardCount == 450, "the index had fewer cards than at opening")
    }

    @Test func goingToTheLastCardWaitsForTheRestThenLandsOnIt() throws {
        var h = try Self.opened()
        #expect(h.keys("G") == [.readCards(userId: "U1", from: 200, limit: nil)])
        #expect(h.state.ui.flash?.text == "Reading all 1000 cards…")
        #expect(h.state.ui.selectedCardId == "C0", "nothing moves before the list is whole")
        h.send(.cardPageRead(userId: "U1", try Self.cards(200..<1000), from: 200, asked: nil))
        #expect(h.state.data.paging == nil)
        #expect(h.state.ui.selectedCardId == "C999")
        #expect(h.state.ui.flash == nil)
    }

    @Test func lockingEveryActiveCardCountsTheCardsNotReadYet() throws {
        var h = try Self.opened()
        h.keys("L")
        #expect(h.state.ui.modal == nil, "no form before every card is known")
        h.send(.cardPageRead(userId: "U1", try Self.cards(200..<1000), from: 200, asked: nil))
        guard case .form(let form)? = h.state.ui.modal, case .lockMany(let bulk) = form.kind else {
            Issue.record("no lock form: \(String(describing: h.state.ui.modal))")
            return
        }
        #expect(bulk.cardIds.count == 666, "every ACTIVE card of the thousand")
    }

    @Test func markingAllShownMarksTheWholeList() throws {
        var h = try Self.opened()
        h.keys("*")
        h.send(.cardPageRead(userId: "U1", try Self.cards(200..<1000), from: 200, asked: nil))
        #expect(h.state.ui.marked.count == 1000)
    }

    @Test func theFilterOpensAtOnceAndTheRestIsReadForIt() throws {
        var h = try Self.opened()
        #expect(h.keys("/") == [.readCards(userId: "U1", from: 200, limit: nil)])
        #expect(h.state.ui.isEditingFilter, "typing is never held back")
        h.keys("C", "9", "9", "9")
        h.send(.cardPageRead(userId: "U1", try Self.cards(200..<1000), from: 200, asked: nil))
        #expect(VisibleCards.list(h.state).map(\.cardId) == ["C999"])
    }

    @Test func aPageThatCouldNotBeReadIsAskedAgainByTheNextMove() throws {
        var h = try Self.opened()
        h.keys(Array(repeating: "j", count: 190))
        h.send(.storeFailed("disk I/O error"))
        #expect(h.state.data.paging?.isReading == false)
        #expect(h.keys("j") == [.readCards(userId: "U1", from: 200, limit: CardPaging.pageSize)])
    }

    @Test func aPageReadTwiceIsCountedOnce() throws {
        var h = try Self.opened()
        h.keys(Array(repeating: "j", count: 190))
        // Another store call failed while the page was on its way: the next move asks for it again.
        h.send(.storeFailed("disk I/O error"))
        h.keys("j")
        let page = try Self.cards(200..<700)
        h.send(.cardPageRead(userId: "U1", page, from: 200, asked: CardPaging.pageSize))
        h.send(.cardPageRead(userId: "U1", page, from: 200, asked: CardPaging.pageSize))
        #expect(h.state.data.paging?.read == 700, "no rows skipped")
        #expect(h.state.data.cards.count == 700)
    }

    @Test func aPageReadBeforeAForgetIsReadAgain() throws {
        var h = try Self.opened()
        h.keys(Array(repeating: "j", count: 190))
        _ = h.reducer.perform(.forgetCard, state: &h.state)
        #expect(h.send(.cardPageRead(userId: "U1", try Self.cards(200..<700), from: 200, asked: CardPaging.pageSize)).isEmpty)
        #expect(h.state.data.cards.count == 199)
        // The selection went back to the top with the forgotten card; near the end again, the rows are asked for anew.
        #expect(h.keys(Array(repeating: "j", count: 190)) == [.readCards(userId: "U1", from: 199, limit: CardPaging.pageSize)])
    }

    @Test func forgettingACardMovesTheNextPageUpByOne() throws {
        var h = try Self.opened()
        let effects = h.reducer.perform(.forgetCard, state: &h.state)
        #expect(effects == [.forgetCard(userId: "U1", cardId: "C0")])
        #expect(h.state.data.paging == CardPaging(total: 999, read: 199))
        #expect(ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).cardholderTitle == "Cards (999)")
    }

    @Test func aPageForAnotherCardholderIsIgnored() throws {
        var h = try Self.opened()
        h.send(.openCardholder(userId: "U2", label: nil, ticket: nil))
        h.send(.cardPageRead(userId: "U1", try Self.cards(200..<700), from: 200, asked: CardPaging.pageSize))
        #expect(h.state.data.cards.isEmpty)
        #expect(h.state.data.paging == nil)
    }
}

extension Harness {
    @discardableResult
    mutating func keys(_ names: [String]) -> [Effect] {
        names.flatMap { reducer.reduce(state: &state, action: .keyPressed($0)) }
    }
}
