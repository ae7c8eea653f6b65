import Foundation
import MuseCardKit
import MuseCardOperations
@testable import MuseCardViewModel
import Testing

/// Input the console must not misread: pastes are text for the focused input only, the
/// "too small" screen honours only quit, and a filter that hides every row hides its actions.
struct InputReducerTests {
    typealias F = ConsoleFixtures

    func phoneForm(_ h: inout Harness) -> ConsoleState {
        h.keys("a")
        let index = h.reducer.menuEntries(h.state).firstIndex { $0.action == .updatePhone } ?? 0
        h.state.ui.modal = .menu(selected: index)
        h.keys("enter")
        return h.state
    }

    @Test func aPasteIntoAFormFieldInsertsTextOnly() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        var expected = phoneForm(&h)
        h.keys("tab")
        guard case .form(var form)? = h.state.ui.modal else { Issue.record("no form"); return }
        #expect(h.send(.pasted("4915\u{1B}[0mly\u{07}\n")) == [])
        form.fields[1].value = "4915ly"
        form.focused = 1
        expected.ui.modal = .form(form)
        #expect(h.state == expected, "the escape code and controls are gone, nothing else changed")
    }

    @Test func aPasteIsCutToTheFieldLength() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        _ = phoneForm(&h)
        h.send(.pasted("123456789"))
        guard case .form(let form)? = h.state.ui.modal else { Issue.record("form closed"); return }
        #expect(form.fields[0].value == "86123", "the area code keeps 5 characters (+ and 4 digits)")
        #expect(form.fields[0].error == "takes at most 5 characters; the rest was not taken", "nothing is cut silently")
    }

    @Test func aPasteIntoTheFilterAndThePickerIsText() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys("/")
        h.send(.pasted("kat\u{1B}[31mhe"))
        #expect(h.state.ui.filterText == "kathe")
        #expect(h.state.ui.isEditingFilter)
        h.keys("enter", "o")
        h.send(.pasted("\u{1B}]0;title\u{07}600044\u{1B}[A09"))
        guard case .picker(let picker)? = h.state.ui.modal else { Issue.record("no picker"); return }
        #expect(picker.input == "60004409")
    }

    @Test func aPasteWithNoFocusedInputFiresNothing() throws {
        let start = F.opened([try F.entry("C1", .active)])
        var h = Harness(state: start)
        #expect(h.send(.pasted("ly"), .pasted("\u{1B}[0mly\r")) == [])
        var expected = start
        expected.ui.flash = Flash("Paste ignored: no text field is focused", .info)
        #expect(h.state == expected)

        h.keys("l", "enter")
        let confirming = h.state
        #expect(h.send(.pasted("y")) == [])
        var stillConfirming = confirming
        stillConfirming.ui.flash = Flash("Paste ignored: no text field is focused", .info)
        #expect(h.state == stillConfirming, "a pasted y does not confirm the lock")
    }

    @Test func whileTooSmallOnlyQuitIsHonoured() throws {
        let start = F.opened([try F.entry("C1", .active), try F.entry("C2", .active)])
        var h = Harness(state: start)
        h.send(.terminalTooSmall(true))
        var expected = start
        expected.ui.isTerminalTooSmall = true
        #expect(h.keys("k", "l", "y", "j", "enter", "L", "u", "/", "esc") == [])
        #expect(h.send(.pasted("ly")) == [])
        #expect(h.state == expected)

        h.send(.terminalTooSmall(false))
        h.keys("l", "enter")
        guard case .confirm? = h.state.ui.modal else { Issue.record("keys work again once it fits"); return }
        h.send(.terminalTooSmall(true))
        h.keys("y")
        guard case .confirm? = h.state.ui.modal else { Issue.record("y went through while too small"); return }
        h.keys("q")
        #expect(h.state.ui.exitRequested, "q quits even over a dialog")
    }

    @Test func aFilterThatMatchesNothingDisablesCardActions() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active), try F.entry("C2", .locked)]))
        h.keys("/", "z", "z", "enter")
        var expected = h.state
        #expect(expected.ui.selectedCardId == nil, "no row, no selection")
        #expect(h.keys("u") == [])
        expected.ui.flash = Flash("Cannot unlock: no card selected", .error)
        #expect(h.state == expected)
        #expect(h.keys("l") == [])
        expected.ui.flash = Flash("Cannot lock: no card selected", .error)
        #expect(h.state == expected)
        #expect(h.keys("enter") == [])
        expected.ui.flash = Flash("Cannot actions: no card selected", .error)
        #expect(h.state == expected)
        #expect(h.keys("r") == [])
        expected.ui.flash = Flash("Cannot refresh card: no card selected", .error)
        #expect(h.state == expected)
        #expect(h.keys("j") == [])
        #expect(h.state.ui.selectedCardId == nil)
    }

    @Test func theSelectionComesBackWhenRowsAreVisibleAgain() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active), try F.entry("C2", .locked)]))
        h.keys("/", "z")
        #expect(h.state.ui.selectedCardId == nil)
        h.keys("backspace")
        #expect(h.state.ui.selectedCardId == "C1")
        h.keys("z", "enter", "esc")
        #expect(h.state.ui.filterText.isEmpty)
        #expect(h.state.ui.selectedCardId == "C1")
        h.keys("l", "enter")
        guard case .confirm(let confirmation)? = h.state.ui.modal else { Issue.record("no confirmation"); return }
        #expect(confirmation.command == .operation(.lock(cardId: "C1", reason: LockReason(.customerRequest))))
    }

    @Test func aHiddenSelectionIsNeverActedOn() throws {
        // A selection left on a card the filter hides (e.g. from an older state) is not "selected".
        var state = F.opened([try F.entry("C1", .active)])
        state.ui.filterText = "nothing"
        var h = Harness(state: state)
        #expect(h.keys("l", "u", "a") == [])
        #expect(h.state.ui.modal == nil)
    }
}
