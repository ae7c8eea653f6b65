import Foundation
import MuseCardKit
@testable import MuseCardViewModel
import Testing

/// Every action menu entry has a key of its own, shown beside it.
struct MenuLettersTests {
    typealias F = ConsoleFixtures

    @Test func everyEntryHasAUniqueKeyThatRunsIt() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys("a")
        guard case .menu(let menu)? = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).modal else { Issue.record("no menu"); return }
        let keys = menu.items.map(\.key)
        #expect(keys.allSatisfy { !$0.isEmpty })
        #expect(Set(keys).count == keys.count, "unique: \(keys)")
        #expect(keys.allSatisfy { !MenuLetters.reserved.contains($0) })
        #expect(Array(keys.prefix(2)) == ["l", "u"], "an action's own key is kept")
        #expect(menu.selected == 0)
        let limit = try #require(menu.items.firstIndex { $0.label == "change daily limit" })
        h.keys(keys[limit])
        #expect(h.state.ui.modal == .form(FormCatalog.make(.changeLimit(cardId: "C1"), card: try F.entry("C1", .active))))
    }

    @Test func aKeyNoEntryHasSaysSo() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys("a", "z")
        #expect(h.state.ui.flash == Flash("No menu entry has the key z", .info))
        guard case .menu? = h.state.ui.modal else { Issue.record("the menu closed"); return }
    }
}
