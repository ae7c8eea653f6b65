import Foundation
import MuseCardKit
@testable import MuseCardViewModel
import Testing

/// Clicks select a row or run a menu entry.
struct MouseReducerTests {
    typealias F = ConsoleFixtures

    @Test func aClickSelectsTheRowAndAMenuClickRunsTheEntry() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active), try F.entry("C2", .locked), try F.entry("C3", .active)]))
        #expect(h.send(.rowClicked(2)) == [])
        #expect(h.state.ui.selectedCardId == "C3")
        h.send(.rowClicked(9))
        #expect(h.state.ui.selectedCardId == "C3", "below the last row: the last")
        h.send(.rowClicked(1))
        h.keys("a")
        let unlock = try #require(ConsoleReducer().menuEntries(h.state).firstIndex { $0.action == .unlock })
        h.send(.menuItemClicked(unlock))
        guard case .confirm(let confirmation)? = h.state.ui.modal else { Issue.record("no confirmation"); return }
        #expect(confirmation.command == .operation(.unlock(cardId: "C2")))
        h.send(.rowClicked(0))
        #expect(h.state.ui.selectedCardId == "C2", "a click behind a popup selects nothing")
    }
}
