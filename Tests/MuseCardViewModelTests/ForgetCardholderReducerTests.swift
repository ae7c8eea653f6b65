import Foundation
import MuseCardKit
import MuseCardStore
@testable import MuseCardViewModel
import Testing

/// A cardholder remembered by mistake is forgotten from the picker or `:forget`, behind a Cancel-first question.
struct ForgetCardholderReducerTests {
    typealias F = ConsoleFixtures

    static func picker() -> Harness {
        var h = Harness(state: ConsoleState(session: F.session()))
        h.send(.showPicker, .cardholdersLoaded([KnownCardholder(userId: "U1", label: "Ada", cardCount: 2),
                                                KnownCardholder(userId: "U2", label: nil, cardCount: 1)]))
        return h
    }

    @Test func deleteInThePickerAsksCancelFirstThenForgetsTheHighlightedOne() throws {
        var h = Self.picker()
        h.keys("down")
        #expect(h.keys(ConsoleReducer.pickerForgetKey) == [])
        guard case .confirm(let question)? = h.state.ui.modal else { Issue.record("no question"); return }
        #expect(question.command == .forgetCardholder(userId: "U2"))
        #expect(!question.confirmFocused && question.cancelLabel == "Cancel")
        #expect(question.message.first == "Forget U2 and 1 known card on this machine?")

        #expect(h.keys("enter") == [], "Enter on the default answer cancels")
        #expect(h.state.data.knownCardholders.count == 2)

        h.send(.showPicker)
        h.keys(ConsoleReducer.pickerForgetKey)
        #expect(h.keys("y") == [.forgetCardholder(userId: "U1")])
        #expect(h.state.data.knownCardholders.map(\.userId) == ["U2"])
        guard case .picker(let picker)? = h.state.ui.modal else { Issue.record("picker not shown again"); return }
        #expect(picker.selected == 0 && !picker.isLoading)
        #expect(h.state.ui.flash?.text == "Forgot cardholder U1 locally (the service is unchanged)")
    }

    @Test func deleteIsNotForgetWhileTextIsTypedOrResultsShow() throws {
        var h = Self.picker()
        h.keys("a")
        h.keys(ConsoleReducer.pickerForgetKey)
        guard case .picker? = h.state.ui.modal else { Issue.record("picker left"); return }
    }

    @Test func colonForgetTakesAKnownUserIdOnly() throws {
        var h = Self.picker()
        h.send(.keyPressed("esc"))
        h.state.ui.commandLine = CommandLineState(text: "forget U9")
        h.keys("enter")
        #expect(h.state.ui.flash?.text == "No known cardholder U9 to forget")
        h.state.ui.commandLine = CommandLineState(text: "forget bad id!")
        h.keys("enter")
        #expect(h.state.ui.flash?.text == ":forget needs a user id (1–64 letters, digits, - or _)")
        h.state.ui.commandLine = CommandLineState(text: "forget U1")
        h.keys("enter")
        guard case .confirm(let question)? = h.state.ui.modal else { Issue.record("no question"); return }
        #expect(question.command == .forgetCardholder(userId: "U1"))
        #expect(question.message.first == "Forget Ada (U1) and 2 known cards on this machine?")
    }
}
