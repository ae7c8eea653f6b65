import Foundation
import MuseCardKit
@testable import MuseCardOperations
import MuseCardStore
@testable import MuseCardViewModel
import Testing

/// The picker finds a cardholder by user id, xid, phone, email or name, and opens the one chosen.
struct FindReducerTests {
    typealias F = ConsoleFixtures

    static let kaethe = CardholderMatch(
        userId: "60004408",
        profile: CardholderProfile(userId: "60004408", xid: "KM-1001", firstName: "Käthe", lastName: "Müller", phone: "4915112345678",
                                   kycStatus: "PASSED"),
        label: nil, cards: [(cardId: "VC1000000001", status: .active), (cardId: "VC1000000002", status: nil)])

    static func picker(typing text: String) -> Harness {
        var h = Harness(state: ConsoleState(session: F.session()))
        h.send(.showPicker, .cardholdersLoaded([KnownCardholder(userId: "U1", label: "Someone")]))
        for character in text { h.keys(character == " " ? "space" : String(character)) }
        return h
    }

    @Test func typedTextIsSearchedAndTheChosenMatchOpensWithItsName() throws {
        var h = Self.picker(typing: "+49 151 12345678")
        #expect(h.keys("enter") == [.findCardholders(text: "+49 151 12345678")])
        guard case .picker(let searching)? = h.state.ui.modal else { Issue.record("picker closed"); return }
        #expect(searching.isSearching && searching.searched == "+49 151 12345678")
        #expect(h.keys("enter") == [], "Enter while searching does not search twice")

        h.send(.cardholdersFound(text: "+49 151 12345678", [Self.kaethe], error: nil))
        let model = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).modal
        #expect(model == .picker(PickerModel(
            title: "Found for \"+49 151 12345678\"",
            entries: [PickerModel.Entry(userId: "60004408", label: "Käthe Müller", detail: "KYC PASSED  •••5678  VC1000000001 ACTIVE, VC1000000002 ?")],
            selected: 0, input: "+49 151 12345678", resultsFocused: true)))

        #expect(h.keys("enter") == [.loadCardholder(userId: "60004408", label: "Käthe Müller")])
        #expect(h.state.data.cardholder == Cardholder(userId: "60004408", label: "Käthe Müller"))
        #expect(h.state.ui.modal == nil)
    }

    @Test func changingTheTextMeansSearchingAgain() throws {
        var h = Self.picker(typing: "KM-1001")
        h.keys("enter")
        h.send(.cardholdersFound(text: "KM-1001", [Self.kaethe], error: nil))
        h.keys("backspace", "2")
        #expect(h.keys("enter") == [.findCardholders(text: "KM-1002")])
        #expect(h.send(.cardholdersFound(text: "KM-1001", [Self.kaethe], error: nil)) == [])
        guard case .picker(let picker)? = h.state.ui.modal else { Issue.record("picker closed"); return }
        #expect(picker.isSearching && picker.results == [Self.kaethe], "an answer for older text is dropped")
    }

    @Test func anUnknownWellFormedIdOpensAsTypedAndABadOneIsRefusedWithTheRule() throws {
        var h = Self.picker(typing: "70001234")
        h.keys("enter")
        h.send(.cardholdersFound(text: "70001234", [], error: nil))
        guard case .picker(let picker)? = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).modal else { Issue.record("no picker"); return }
        #expect(picker.placeholder == "Nobody known by that; Enter opens user id 70001234 as typed.")
        #expect(h.keys("enter") == [.loadCardholder(userId: "70001234", label: nil)])

        var bad = Self.picker(typing: "bad id!")
        bad.keys("enter")
        bad.send(.cardholdersFound(text: "bad id!", [], error: nil))
        let refused = "No cardholder found for \"bad id!\", and it is not a user id (1–64 letters, digits, - or _)"
        guard case .picker(let state)? = bad.state.ui.modal else { Issue.record("picker closed"); return }
        #expect(state.error == refused)
        #expect(bad.keys("enter") == [], "not opened, so not remembered")
        #expect(bad.state.data.cardholder == nil)
    }

    @Test func aServiceFailureIsSaidButTheIndexStillAnswers() throws {
        var h = Self.picker(typing: "Müller")
        h.keys("enter")
        h.send(.cardholdersFound(text: "Müller", [Self.kaethe], error: "MusePay is unreachable: connection refused"))
        guard case .picker(let picker)? = h.state.ui.modal else { Issue.record("picker closed"); return }
        #expect(picker.results == [Self.kaethe])
        #expect(picker.error == "MusePay could not be asked (MusePay is unreachable: connection refused); the index answered")
    }

    @Test func clearingTheTextShowsTheKnownListAgain() throws {
        var h = Self.picker(typing: "ab")
        h.keys("enter")
        h.send(.cardholdersFound(text: "ab", [Self.kaethe], error: nil))
        h.keys("backspace", "backspace")
        guard case .picker(let picker)? = h.state.ui.modal else { Issue.record("picker closed"); return }
        #expect(picker.results == nil && picker.searched == nil)
        #expect(h.keys("enter") == [.loadCardholder(userId: "U1", label: "Someone")])
    }

    @Test func aCardholderOpenedByIdGetsTheNameTheIndexKnows() throws {
        var h = Harness(state: ConsoleState(session: F.session()))
        h.send(.openCardholder(userId: "60004408", label: nil, ticket: nil))
        h.send(.cardholderNamed(userId: "60004408", name: "Käthe Müller"))
        #expect(h.state.data.cardholder?.label == "Käthe Müller")
        #expect(ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).topBar.cardholder == "Käthe Müller (60004408)")
        h.send(.cardholderNamed(userId: "60004408", name: "Someone Else"), .cardholderNamed(userId: "U9", name: "Nobody"))
        #expect(h.state.data.cardholder?.label == "Käthe Müller", "a name already shown stays")
    }
}
