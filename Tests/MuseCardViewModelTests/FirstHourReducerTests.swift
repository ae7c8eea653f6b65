import Foundation
import MuseCardKit
import MuseCardOperations
import Testing
@testable import MuseCardViewModel

/// The small things a new agent trips over: forms that keep what was typed, say every error at
/// once and warn; feedback when a refresh is done; the header and the reasons telling the truth.
struct FirstHourReducerTests {
    typealias F = ConsoleFixtures

    func form(_ kind: FormState.Kind, _ h: inout Harness) {
        h.state.ui.modal = .form(FormCatalog.make(kind, card: h.state.data.cards.first, state: h.state))
    }

    func openForm(_ h: Harness) -> FormState? {
        if case .form(let form)? = h.state.ui.modal { return form }
        return nil
    }

    @Test func everyFieldErrorShowsAtOnceAndPlus49IsAreaCode49() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        form(.updatePhone(cardId: "C1"), &h)
        h.keys("ctrl-u", "x", "tab", "1", "enter")
        let wrong = try #require(openForm(h))
        #expect(wrong.fields.allSatisfy { $0.error != nil }, "both fields say what is wrong")
        #expect(h.state.ui.modal.map { if case .form(let f) = $0 { f.focused } else { -1 } } == 0, "focus on the first wrong field")
        h.keys("ctrl-u", "+", "4", "9", "tab", "ctrl-u")
        h.keys(contentsOf: "15112345678")
        let effects = h.keys("enter")
        #expect(effects == [.run(userId: "U1", .operation(.updatePhone(cardId: "C1", areaCode: "49", phone: "15112345678")), ticket: "T-1")])
    }

    @Test func cancelAtTheConfirmationGoesBackToTheFormAndATrivialPINIsWarned() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        form(.changePIN(cardId: "C1"), &h)
        h.keys(contentsOf: "1234")
        h.keys("tab")
        h.keys(contentsOf: "1234")
        h.keys("enter")
        guard case .confirm(let question)? = h.state.ui.modal else { Issue.record("no confirmation"); return }
        #expect(question.message.contains { $0.contains("easy to guess") })
        h.keys("esc")
        let back = try #require(openForm(h), "Cancel returns to the form")
        #expect(back.value("card_pin") == "1234")
    }

    @Test func aRefusedApplyReopensTheFormWithEverythingTyped() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        form(.apply, &h)
        h.keys("ctrl-u")
        h.keys(contentsOf: "1001")
        h.keys("tab", "tab")
        h.keys(contentsOf: "+49")
        h.keys("tab")
        h.keys(contentsOf: "15112345678")
        let effects = h.keys("enter")
        guard case .run(_, .operation(let operation), _)? = effects.first else { Issue.record("not sent: \(effects)"); return }
        #expect(h.state.ui.modal == nil)
        h.send(.operationFinished(F.report(operation, .refused, error: .refused(code: "5006", message: "CARD_PRODUCT_EXISTS"))))
        let again = try #require(openForm(h), "the form is back")
        #expect(again.value("card_product_id") == "1001" && again.value("phone_number") == "15112345678")
        #expect(again.error?.contains("CARD_PRODUCT_EXISTS") == true)
    }

    @Test func ctrlUClearsAndTypingPastTheLimitSaysSo() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        form(.updatePhone(cardId: "C1"), &h)
        h.keys("ctrl-u")
        #expect(openForm(h)?.fields[0].value == "")
        h.keys("tab")
        h.keys(contentsOf: "1234567890123456")
        let phone = try #require(openForm(h)?.fields[1])
        #expect(phone.value.count == 15 && phone.error?.contains("at most 15") == true)
    }

    @Test func refreshSaysWhenDoneAndAFormStartsWithoutTheOldFlash() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active), try F.entry("C2", .locked)]))
        h.keys("R")
        h.send(.cardFetched(userId: "U1", cardId: "C1", .success(try F.record("C1", .active)), at: F.t0))
        #expect(h.state.ui.flash?.text.hasPrefix("Refreshing") == true)
        h.send(.cardFetched(userId: "U1", cardId: "C2", .failure(.refused(code: "5004", message: "USER_STATUS_INVALID")), at: F.t0))
        #expect(h.state.ui.flash?.text == "Refreshed 2 cards, 1 failed (see the rows)")
        h.keys("a")
        let index = h.reducer.menuEntries(h.state).firstIndex { $0.action == .changeLimit } ?? 0
        h.state.ui.modal = .menu(selected: index)
        h.keys("enter")
        #expect(openForm(h) != nil && h.state.ui.flash == nil)
    }

    @Test func threeServerErrorsInARowGoOfflineAndAnUnknownCardSaysSo() throws {
        var h = Harness(state: F.opened([CardEntry(cardId: "C7")]))
        for _ in 0..<3 {
            #expect(!h.state.data.offline)
            h.send(.cardFetched(userId: "U1", cardId: "C7", .failure(.httpStatus(500, message: nil)), at: F.t0))
        }
        #expect(h.state.data.offline, "the header says OFFLINE")
        h.send(.cardFetched(userId: "U1", cardId: "C7", .failure(.refused(code: "7000", message: "ORDER_NOT_EXIST")), at: F.t0))
        #expect(ActionAvailability.whyNot(.lock, in: h.state) == "MusePay does not know this card; forget it (action menu)")
    }
}

extension Harness {
    /// Types `text` key by key.
    mutating func keys(contentsOf text: String) {
        for character in text { keys(String(character)) }
    }
}
