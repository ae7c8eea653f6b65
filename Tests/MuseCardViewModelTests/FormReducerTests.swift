import Foundation
import MuseCardKit
import MuseCardOperations
@testable import MuseCardViewModel
import Testing

/// Forms as modal state: typing, field errors, masked PINs, replace and apply flows.
struct FormReducerTests {
    typealias F = ConsoleFixtures

    func openForm(_ action: KeyAction, on state: inout Harness) {
        state.keys("a")
        let entries = state.reducer.menuEntries(state.state)
        guard let index = entries.firstIndex(where: { $0.action == action }) else { return }
        state.state.ui.modal = .menu(selected: index)
        state.keys("enter")
    }

    func type(_ text: String, into h: inout Harness) {
        for character in text { h.keys(character == " " ? "space" : String(character)) }
    }

    @Test func phoneFormShowsTheFieldErrorAndSendsNothing() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        openForm(.updatePhone, on: &h)
        guard case .form(let form)? = h.state.ui.modal else { Issue.record("no form"); return }
        #expect(form.value("phone_area_code") == "86", "prefilled from the card")
        h.keys("tab")
        type("12", into: &h)
        #expect(h.keys("enter") == [])
        guard case .form(let checked)? = h.state.ui.modal else { Issue.record("form closed"); return }
        #expect(checked.fields[1].error == "must be 4–15 digits (got \"12\")")
        #expect(checked.focused == 1)
        type("345678", into: &h)
        #expect(h.keys("enter") == [.run(userId: "U1", .operation(.updatePhone(cardId: "C1", areaCode: "86", phone: "12345678")), ticket: "T-1")])
        #expect(h.state.ui.modal == nil)
    }

    @Test func limitFormKeepsCanonicalText() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        openForm(.changeLimit, on: &h)
        for _ in 0..<5 { h.keys("backspace") }
        type("1e3", into: &h)
        h.keys("enter")
        guard case .form(let form)? = h.state.ui.modal else { Issue.record("form closed"); return }
        #expect(form.fields[0].error?.contains("non-negative decimal") == true)
        for _ in 0..<3 { h.keys("backspace") }
        type("750.50", into: &h)
        #expect(h.keys("enter") == [.run(userId: "U1", .operation(.changeLimit(cardId: "C1", amount: try DecimalAmount(parsing: "750.5"))), ticket: "T-1")])
    }

    @Test func pinIsMaskedMustMatchAndIsConfirmed() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        openForm(.changePIN, on: &h)
        type("1234", into: &h)
        h.keys("tab")
        type("1235", into: &h)
        let screen = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10)
        guard case .form(let model)? = screen.modal else { Issue.record("no form"); return }
        #expect(model.fields.map(\.value) == ["••••", "••••"])
        #expect(!"\(screen)".contains("1234"))
        h.keys("enter")
        guard case .form(let checked)? = h.state.ui.modal else { Issue.record("form closed"); return }
        #expect(checked.fields[1].error == "does not match the new PIN")
        h.keys("backspace")
        type("4", into: &h)
        #expect(h.keys("enter") == [])
        guard case .confirm(let confirmation)? = h.state.ui.modal else { Issue.record("no confirmation"); return }
        #expect(confirmation.command == .operation(.changePIN(cardId: "C1", pin: try PIN("1234"))))
        #expect(h.keys("y") == [.run(userId: "U1", .operation(.changePIN(cardId: "C1", pin: try PIN("1234"))), ticket: "T-1")])
    }

    @Test func replaceNeedsANoteForOtherThenConfirmsAndShowsTheNewCard() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        openForm(.replace, on: &h)
        for _ in 0..<4 { h.keys("right") }
        h.keys("enter")
        guard case .form(let form)? = h.state.ui.modal else { Issue.record("form closed"); return }
        #expect(form.value("replace_reason") == "OTHER")
        #expect(form.fields[1].error == "must say why when the reason is OTHER")
        #expect(form.focused == 1, "focus moves to the field in error")
        h.keys("backtab", "left", "left", "left")
        h.keys("enter")
        guard case .confirm(let confirmation)? = h.state.ui.modal else { Issue.record("no confirmation"); return }
        #expect(confirmation.command == .operation(.replace(cardId: "C1", reason: "STOLEN")))
        #expect(h.keys("y") == [.run(userId: "U1", .operation(.replace(cardId: "C1", reason: "STOLEN")), ticket: "T-1")])

        let at = F.t0.addingTimeInterval(30)
        let effects = h.send(.operationFinished(F.report(.replace(cardId: "C1", reason: "STOLEN"), .applied,
                                                         answer: .replaced(newCardId: "C9", newStatus: .pendingActive), requestId: "rep-1", at: at)))
        #expect(effects == [.fetchCards(userId: "U1", cardIds: ["C1", "C9"], maxConcurrent: 8)])
        #expect(h.state.data.cards.map(\.cardId) == ["C1", "C9"])
        #expect(h.state.data.cards[0].status == .canceled)
        #expect(h.state.data.cards[1].status == .pendingActive)
        #expect(h.state.ui.selectedCardId == "C9")
        #expect(h.state.data.log.last == SessionEvent(time: at, action: "replace", cardId: "C1", outcome: "applied, new card C9 (PENDING_ACTIVE)",
                                                      requestId: "rep-1", userId: "U1", values: ["replace_reason": "STOLEN"]))
    }

    @Test func applicationIsFollowedUntilTheCardIsIssued() throws {
        var h = Harness(state: F.opened([]))
        let params = ApplyParameters(productId: "P1", level: "1", areaCode: "86", phone: "13312360000", embossedName: nil)
        var effects = h.send(.operationFinished(F.report(.apply(params), .applied, answer: .applied(ApplyReceipt(data: ["apply_status": "APPLYING", "apply_id": "A1"])),
                                                         requestId: "app-1")))
        #expect(effects == [.pollApplication(userId: "U1", requestId: "app-1", applyId: "A1", after: .seconds(1))])
        effects = h.send(.applicationPolled(userId: "U1", requestId: "app-1", .success(ApplyResult(data: ["apply_status": "WAIT_AUDIT"])), at: F.t0))
        #expect(effects == [.pollApplication(userId: "U1", requestId: "app-1", applyId: "A1", after: .seconds(2))])
        effects = h.send(.applicationPolled(userId: "U1", requestId: "app-1", .failure(.transport(.timeout)), at: F.t0))
        #expect(effects == [.pollApplication(userId: "U1", requestId: "app-1", applyId: "A1", after: .seconds(4))])
        #expect(h.state.data.offline)
        effects = h.send(.applicationPolled(userId: "U1", requestId: "app-1", .success(ApplyResult(data: ["apply_status": "CARD_INIT", "card_id": "C7"])), at: F.t0))
        #expect(effects == [.addCard(userId: "U1", cardId: "C7")])
        #expect(h.state.data.operations.isEmpty)
        #expect(h.state.data.cards.map(\.cardId) == ["C7"])
        #expect(h.state.ui.flash == Flash("Card issued: C7 (request_id app-1)", .success))
    }

    @Test func refusedApplicationEndsTheFollowing() throws {
        var h = Harness(state: F.opened([]))
        h.state.data.operations = [FollowedOperation(kind: .apply, requestId: "app-2", status: "APPLYING", isInFlight: true)]
        let effects = h.send(.applicationPolled(userId: "U1", requestId: "app-2", .success(ApplyResult(data: ["apply_status": "AUDIT_REFUSE"])), at: F.t0))
        #expect(effects == [])
        #expect(h.state.data.operations.isEmpty)
        #expect(h.state.ui.flash?.kind == .error)
    }

    @Test func addCardAndOpenCardholderForms() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys("+")
        h.keys("enter")
        guard case .form(let form)? = h.state.ui.modal else { Issue.record("form closed"); return }
        #expect(form.fields[0].error == "must not be empty")
        type("C2", into: &h)
        #expect(h.keys("enter") == [.addCard(userId: "U1", cardId: "C2")])
        #expect(h.send(.cardAdded(userId: "U1", cardId: "C2")) == [.fetchCards(userId: "U1", cardIds: ["C2"], maxConcurrent: 8)])
        #expect(h.state.ui.selectedCardId == "C2")
    }

    @Test func sensitiveLinkIsShownOnceAndGoneWhenClosed() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        let url = SecretURL("http://127.0.0.1/reveal/secret-token")
        h.send(.operationFinished(F.report(.sensitiveInfo(cardId: "C1", ipAddress: "203.0.113.7"), .applied,
                                           answer: .sensitiveLink(url: url, expiry: "2026-11-25"))))
        let screen = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10)
        guard case .cardData(_, let link, let lines)? = screen.modal else { Issue.record("no link shown"); return }
        #expect(link == "http://127.0.0.1/reveal/secret-token")
        #expect(lines.contains("Card expiry date (of the card, not the link): 2026-11-25"))
        #expect(!h.state.data.log.description.contains("secret-token"))
        #expect(h.state.ui.flash?.text.contains("secret-token") == false)
        h.keys("esc")
        #expect(h.state.ui.modal == nil)
        #expect(!"\(h.state)".contains("secret-token"))
    }
}
