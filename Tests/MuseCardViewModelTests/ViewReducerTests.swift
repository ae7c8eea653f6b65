import Foundation
import MuseCardKit
@testable import MuseCardViewModel
import Testing

/// Filter, sort, navigation, help, picker, phone reveal, summary and the key table.
struct ViewReducerTests {
    typealias F = ConsoleFixtures

    func cards() throws -> [CardEntry] {
        var list = [try F.entry("VC1", .active), try F.entry("VC2", .locked), try F.entry("VC3", .canceled)]
        list[1].record?.last4 = "1111"
        list[2].record?.last4 = "0042"
        return list
    }

    @Test func filterNarrowsEnterKeepsEscDrops() throws {
        var h = Harness(state: F.opened(try cards()))
        h.keys("/", "0", "0", "4")
        #expect(h.state.ui.filterText == "004")
        #expect(VisibleCards.list(h.state).map(\.cardId) == ["VC3"])
        #expect(h.state.ui.selectedCardId == "VC3", "the selection follows the filter")
        h.keys("enter")
        #expect(!h.state.ui.isEditingFilter)
        #expect(h.state.ui.filterText == "004")
        h.keys("esc")
        #expect(h.state.ui.filterText == "")
        h.keys("/", "x", "esc")
        #expect(h.state.ui.filterText == "" && !h.state.ui.isEditingFilter)
    }

    @Test func navigationAndSorting() throws {
        var h = Harness(state: F.opened(try cards()))
        h.keys("j")
        #expect(h.state.ui.selectedCardId == "VC2")
        h.keys("G")
        #expect(h.state.ui.selectedCardId == "VC3")
        h.keys("j")
        #expect(h.state.ui.selectedCardId == "VC3", "stays on the last card")
        h.keys("g")
        #expect(h.state.ui.selectedCardId == "VC1")
        h.keys("s")
        #expect(h.state.ui.sort == .status)
        #expect(VisibleCards.list(h.state).map(\.cardId) == ["VC2", "VC1", "VC3"])
        h.keys("s")
        #expect(VisibleCards.list(h.state).map(\.cardId) == ["VC3", "VC2", "VC1"])
    }

    @Test func scrollingKeepsTheSelectionVisible() throws {
        var state = F.opened((0..<50).map { CardEntry(cardId: String(format: "C%02d", $0)) })
        state.ui.listHeight = 10
        var h = Harness(state: state)
        h.keys("pgdn", "pgdn")
        #expect(h.state.ui.selectedCardId == "C20")
        #expect(h.state.ui.scrollOffset == 11)
        h.keys("G")
        #expect(h.state.ui.scrollOffset == 40)
        h.send(.viewportChanged(listHeight: 25))
        #expect(h.state.ui.scrollOffset == 25)
    }

    @Test func helpAndPhoneReveal() throws {
        var h = Harness(state: F.opened(try cards()))
        h.keys("?")
        #expect(h.state.ui.modal == .help)
        h.keys("?")
        #expect(h.state.ui.modal == nil)
        let masked = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 5).detail.first { $0.label == "Phone (p)" }?.value
        #expect(masked == "+86 •••••••0000", "the label says p reveals it")
        h.keys("p")
        let shown = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 5).detail.first { $0.label == "Phone" }?.value
        #expect(shown == "+86 13312360000")
        h.keys("j")
        #expect(!h.state.ui.isPhoneRevealed, "moving on hides the phone again")
    }

    @Test func pickerOpensATypedOrChosenCardholder() throws {
        var h = Harness(state: ConsoleState(session: F.session()))
        #expect(h.send(.showPicker) == [.loadCardholders])
        #expect(pickerModel(h.state)?.placeholder == "Loading known cardholders…", "an empty list while loading says so")
        h.send(.cardholdersLoaded([KnownCardholder(userId: "60004408", label: "Käthe Müller", cardCount: 4)]))
        #expect(pickerModel(h.state)?.placeholder == nil)
        #expect(pickerModel(h.state)?.entries.map(\.label) == ["Käthe Müller"])
        #expect(h.keys("enter") == [.loadCardholder(userId: "60004408", label: "Käthe Müller")])
        h.send(.showPicker)
        h.keys("9", "9")
        #expect(h.keys("enter") == [.findCardholders(text: "99")])
        h.send(.cardholdersFound(text: "99", [], error: nil))
        #expect(h.keys("enter") == [.loadCardholder(userId: "99", label: nil)], "unknown but well formed: opened as typed")
        #expect(h.state.data.cardholder?.userId == "99")
    }

    @Test func pickerSaysWhenNobodyIsKnownYet() {
        var h = Harness(state: ConsoleState(session: F.session()))
        h.send(.showPicker)
        h.send(.cardholdersLoaded([]))
        #expect(pickerModel(h.state)?.placeholder == "No cardholders yet: type a user id, xid, phone, email or name.")
        #expect(h.keys("enter") == [], "Enter on an empty list opens nothing")
    }

    func pickerModel(_ state: ConsoleState) -> PickerModel? {
        guard case .picker(let picker)? = ScreenBuilder().screen(state, now: F.t0, listHeight: 5).modal else { return nil }
        return picker
    }

    @Test func summaryListsWhatWasDoneForEveryCardholderTouched() throws {
        var h = Harness(state: F.opened(try cards()))
        h.state.data.log = [SessionEvent(time: F.t0.addingTimeInterval(61), action: "change-limit", cardId: "VC1", outcome: "applied",
                                         userId: "U1", values: ["daily_purchase_limit": "750.50"])]
        h.send(.openCardholder(userId: "U2", label: "Otto", ticket: "T-2"))
        h.state.data.cards = [CardEntry(cardId: "VC9", record: CardRecord(userId: "U2", cardId: "VC9", status: .locked))]
        h.state.data.log.append(SessionEvent(time: F.t0.addingTimeInterval(90), action: "lock", cardId: "VC9", outcome: "applied, now LOCK",
                                             userId: "U2"))
        let text = SessionSummary.text(h.state, now: F.t0.addingTimeInterval(120))
        #expect(text.contains("operator alice"))
        #expect(text.contains("Cardholder U1 (Käthe Müller), ticket T-1"))
        #expect(text.contains("08:01:01  change-limit VC1 (daily_purchase_limit=750.50): applied"))
        #expect(text.contains("Cards now: VC1 ACTIVE, VC2 LOCK, VC3 CANCELED"), "the first cardholder's cards as they were left")
        #expect(text.contains("Cardholder U2 (Otto), ticket T-2"))
        #expect(text.contains("08:01:30  lock VC9: applied, now LOCK"))
        #expect(text.contains("Cards now: VC9 LOCK"))
        let markdown = SessionSummary.markdown(h.state, now: F.t0.addingTimeInterval(120))
        #expect(markdown.contains("## Cardholder U2 (Otto), ticket T-2"))
        #expect(markdown.contains("- 08:01:30  lock VC9: applied, now LOCK"))
    }

    @Test func keyRemapsAreCheckedByActionName() throws {
        let remapped = try KeyTable.defaults.remapped(["lock": ["x"]])
        #expect(remapped.action(forKey: "x") == .lock)
        #expect(remapped.action(forKey: "l") == nil)
        #expect(throws: KeyTableError.unknownAction("explode")) { try KeyTable.defaults.remapped(["explode": ["x"]]) }
        #expect(throws: KeyTableError.conflict(key: "u", first: "lock", second: "unlock")) { try KeyTable.defaults.remapped(["lock": ["u"]]) }
    }

    @Test func helpListsEveryBinding() {
        let help = ModalPresenter.help(.defaults)
        let labels = help.sections.flatMap(\.entries).map(\.label)
        for binding in KeyTable.defaults.bindings { #expect(labels.contains(binding.label)) }
    }

    @Test func screenDrawsOnlyTheVisibleWindowAndSanitises() throws {
        var state = F.opened((0..<5000).map { CardEntry(cardId: "C\($0)") })
        state.data.cards[0].record = try F.record("C0", .active, name: "\u{1B}[31mEVIL\u{1B}[2J\u{07}")
        let screen = ScreenBuilder().screen(state, now: F.t0, listHeight: 20)
        #expect(screen.rows.count == 20)
        #expect(screen.totalRows == 5000)
        #expect(screen.rows[0].embossedName == "␛[31mEVIL␛[2J?")
        #expect(screen.rows[0].statusRole == "status.active")
    }
}
