import Foundation
import MuseCardKit
import MuseCardOperations
@testable import MuseCardViewModel
import Testing

/// Auto-refresh of the visible cards, the time of the last answer, and `require_ticket`.
struct StayingCurrentReducerTests {
    typealias F = ConsoleFixtures

    static func state(refreshSeconds: Int = 30, requireTicket: Bool = false, cards: Int = 3) throws -> ConsoleState {
        var state = F.opened(try (1...cards).map { try F.entry("C\($0)", .active) })
        state.session.refreshSeconds = refreshSeconds
        state.session.requireTicket = requireTicket
        return state
    }

    @Test func theVisibleCardsAreRefreshedEveryIntervalAndTheChainGoesOn() throws {
        var h = Harness(state: try Self.state())
        h.state.ui.listHeight = 2
        #expect(h.send(.startAutoRefresh) == [.autoRefresh(after: .seconds(30))])
        #expect(h.send(.autoRefreshDue) == [.fetchCards(userId: "U1", cardIds: ["C1", "C2"], maxConcurrent: 8), .autoRefresh(after: .seconds(30))],
                "only the rows on screen")
        #expect(h.state.ui.flash == nil, "quietly")
        #expect(h.send(.autoRefreshDue) == [.autoRefresh(after: .seconds(30))], "cards still loading are not asked twice")
    }

    @Test func aPopupOrTheCommandLinePausesItAndZeroTurnsItOff() throws {
        var h = Harness(state: try Self.state())
        h.keys("h")
        #expect(h.send(.autoRefreshDue) == [.autoRefresh(after: .seconds(30))])
        h.keys("esc", ":")
        #expect(h.send(.autoRefreshDue) == [.autoRefresh(after: .seconds(30))])
        var off = Harness(state: try Self.state(refreshSeconds: 0))
        #expect(off.send(.startAutoRefresh) == [])
        #expect(off.send(.autoRefreshDue) == [.fetchCards(userId: "U1", cardIds: ["C1", "C2", "C3"], maxConcurrent: 8)])
    }

    @Test func theTopBarShowsWhenMusePayLastAnswered() throws {
        var h = Harness(state: try Self.state())
        #expect(ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).topBar.lastContact == nil)
        let at = F.t0.addingTimeInterval(3 * 3600 + 125)
        h.send(.cardFetched(userId: "U1", cardId: "C1", .success(try F.record("C1", .active)), at: at))
        var bar = ScreenBuilder().screen(h.state, now: at, listHeight: 10).topBar
        #expect(bar.lastContact == "11:02:05" && bar.isOnline)
        h.send(.cardFetched(userId: "U1", cardId: "C2", .failure(.transport(.connectionRefused)), at: at.addingTimeInterval(60)))
        bar = ScreenBuilder().screen(h.state, now: at, listHeight: 10).topBar
        #expect(bar.lastContact == "11:02:05" && !bar.isOnline, "a failure keeps the time of the last answer")
    }

    @Test func requireTicketAsksForItBeforeTheFirstChange() throws {
        var looking = Harness(state: try Self.state(requireTicket: true))
        looking.state.data.cardholder?.ticket = nil
        #expect(looking.keys("h") == [.loadHistory(userId: "U1", cardId: "C1")], "looking needs no ticket")
        var state = try Self.state(requireTicket: true)
        state.data.cardholder?.ticket = nil
        var h = Harness(state: state)
        #expect(h.keys("l") == [])
        #expect(h.state.ui.modal == nil)
        #expect(h.state.ui.commandLine == CommandLineState(text: "ticket "))
        #expect(h.state.ui.flash == Flash("This profile needs a ticket before the first change: type it, Enter, then lock again", .info))
        for character in "SUP-9" { h.keys(String(character)) }
        h.keys("enter", "l")
        #expect(h.state.ui.modal == .form(FormCatalog.lockForm(.lock(cardId: "C1"))))
    }
}
