import Foundation
import MuseCardKit
import MuseCardOperations
@testable import MuseCardViewModel
import Testing

/// Lock, unlock, lock-all, refusals and the action menu, asserted by equality.
struct ActionReducerTests {
    typealias F = ConsoleFixtures

    @Test func lockAsksFirstWithCancelFocusedAndCancelSendsNothing() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        #expect(h.keys("l", "enter") == [])
        guard case .confirm(let confirmation)? = h.state.ui.modal else { Issue.record("no confirmation"); return }
        #expect(confirmation.command == .operation(.lock(cardId: "C1", reason: LockReason(.customerRequest))))
        #expect(confirmation.confirmFocused == false)
        #expect(h.keys("enter") == [], "Enter on the default button cancels")
        #expect(h.state.ui.modal == .form(FormCatalog.lockForm(.lock(cardId: "C1"))), "back to the reason, as it was left")
        #expect(h.keys("esc") == [], "the reason form cancels too")
        #expect(h.state.ui.modal == nil)
        h.keys("l", "enter")
        #expect(h.keys("n", "esc") == [])
        #expect(h.state.data.cards[0].pending.isEmpty)
    }

    @Test func confirmedLockRunsAndMarksTheCardBusy() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.state.data.cardholder?.ticket = "T-1"
        h.keys("l", "enter")
        let effects = h.keys("y")
        #expect(effects == [.run(userId: "U1", .operation(.lock(cardId: "C1", reason: LockReason(.customerRequest))), ticket: "T-1")])
        #expect(h.state.data.cards[0].pending == ["lock"])
        #expect(ActionAvailability.whyNot(.unlock, in: h.state) == "busy: lock in progress")
        #expect(h.state.ui.modal == nil)
    }

    @Test func lockSuccessUpdatesStatusLogsAndRefreshes() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.state.data.cards[0].pending = ["lock"]
        h.state.data.changesInFlight = 1
        let at = F.t0.addingTimeInterval(60)
        let effects = h.send(.operationFinished(F.report(.lock(cardId: "C1"), .applied, answer: .status(.locked), at: at)))
        #expect(effects == [.fetchCards(userId: "U1", cardIds: ["C1"], maxConcurrent: 8)])
        var expected = F.opened([try F.entry("C1", .locked)])
        expected.data.cards[0].isLoading = true
        expected.data.cards[0].lastLock = LockNote(time: at, operatorName: "alice", ticket: "T-1")
        expected.data.lastContactAt = at
        expected.data.log = [SessionEvent(time: at, action: "lock", cardId: "C1", outcome: "applied, now LOCK", userId: "U1")]
        expected.ui.flash = Flash("lock C1: ok, now LOCK", .success)
        #expect(h.state == expected)
    }

    @Test func refusalIsShownLoggedAndTheCardReQueried() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.state.data.cards[0].pending = ["lock"]
        h.state.data.changesInFlight = 1
        let effects = h.send(.operationFinished(F.report(.lock(cardId: "C1"), .refused, error: .refused(code: "5005", message: "CARD_STATUS_INVALID"))))
        #expect(effects == [.fetchCards(userId: "U1", cardIds: ["C1"], maxConcurrent: 8)])
        #expect(h.state.ui.flash?.kind == .error)
        #expect(h.state.ui.flash?.text.contains("5005 CARD_STATUS_INVALID") == true)
        #expect(h.state.data.log == [SessionEvent(time: F.t0, action: "lock", cardId: "C1",
                                                  outcome: "refused: MusePay refused the request: 5005 CARD_STATUS_INVALID", userId: "U1")])
        #expect(h.state.data.cards[0].status == .active, "nothing is assumed: the re-query tells")
        #expect(!h.state.data.offline)
    }

    @Test func unavailableActionIsRefusedWithItsReason() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .locked)]))
        let before = h.state
        #expect(h.keys("l") == [])
        var expected = before
        expected.ui.flash = Flash("Cannot lock: card is LOCK; lock needs ACTIVE", .error)
        #expect(h.state == expected)
    }

    @Test(arguments: [
        (CardStatus.active, CardType.virtual, KeyAction.unlock, "card is ACTIVE; unlock needs LOCK"),
        (.pendingActive, .physical, .activate, "physical card: use activate physical"),
        (.pendingActive, .virtual, .activatePhysical, "not a physical card"),
        (.canceled, .virtual, .updatePhone, "card is CANCELED"),
        (.canceled, .virtual, .changeLimit, "card is CANCELED"),
        (.pendingActive, .virtual, .changePIN, "card is PENDING_ACTIVE; change PIN needs ACTIVE or LOCK"),
        (.locked, .virtual, .sensitiveInfo, "card is LOCK; reveal card data needs ACTIVE"),
        (.canceled, .virtual, .replace, "card is CANCELED; replace needs ACTIVE or LOCK or SUSPENDED"),
    ])
    func statusTable(_ status: CardStatus, _ type: CardType, _ action: KeyAction, _ reason: String) throws {
        let state = F.opened([try F.entry("C1", status, type: type)])
        #expect(ActionAvailability.whyNot(action, in: state) == reason)
    }

    @Test(arguments: [
        (CardStatus.active, KeyAction.lock), (.locked, .unlock), (.pendingActive, .activate), (.suspended, .replace),
        (.locked, .changePIN), (.active, .sensitiveInfo), (.pendingIssue, .updatePhone),
    ])
    func allowedActions(_ status: CardStatus, _ action: KeyAction) throws {
        #expect(ActionAvailability.whyNot(action, in: F.opened([try F.entry("C1", status)])) == nil)
    }

    @Test func lockEveryActiveCardIsOneConfirmationStatingTheCount() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active), try F.entry("C2", .locked), try F.entry("C3", .active)]))
        h.keys("L")
        guard case .form(let form)? = h.state.ui.modal else { Issue.record("no reason asked"); return }
        #expect(form == FormCatalog.lockForm(.lockMany(BulkCommand(.lock, scope: .everyActive, cardIds: ["C1", "C3"]))))
        #expect(h.keys("right", "right", "enter") == [])
        guard case .confirm(let confirmation)? = h.state.ui.modal else { Issue.record("no confirmation"); return }
        #expect(confirmation.title == "Lock every active card?")
        #expect(confirmation.message.prefix(2) == ["Lock 2 active cards of Käthe Müller (U1)?", "Reason: STOLEN"])
        #expect(confirmation.confirmLabel == "Lock 2 cards")
        let bulk = BulkCommand(.lock, scope: .everyActive, cardIds: ["C1", "C3"], reason: LockReason(.stolen))
        #expect(h.keys("y") == [.run(userId: "U1", .bulk(bulk), ticket: "T-1")])
        #expect(h.state.data.cards.map(\.pending) == [["lock"], [], ["lock"]])
        #expect(h.state.data.changesInFlight == 2)
        h.send(.operationFinished(F.report(.lock(cardId: "C1"), .applied, answer: .status(.locked))))
        #expect(h.state.data.cards.map(\.pending) == [[], [], ["lock"]])
    }

    @Test func readOnlySessionHasNoMutatingKeysOrMenuEntries() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)], readOnly: true))
        #expect(h.keys("l") == [])
        #expect(h.state.ui.modal == nil)
        h.keys("enter")
        let screen = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10)
        guard case .menu(let menu)? = screen.modal else { Issue.record("no menu"); return }
        #expect(menu.items.map(\.label) == ["refresh card", "card history", "transactions", "add a card id", "forget card (local only)"])
        #expect(!screen.hints.contains { $0.label == "lock" })
    }

    @Test func menuListsUnavailableActionsWithTheirReasons() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .locked)]))
        h.keys("a")
        let screen = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10)
        guard case .menu(let menu)? = screen.modal else { Issue.record("no menu"); return }
        let lock = try #require(menu.items.first { $0.label == "lock" })
        #expect(lock.isEnabled == false)
        #expect(lock.reason == "needs ACTIVE", "the title names the card and its status")
        #expect(menu.title == "Actions — C1 (LOCK)")
        let unlock = try #require(menu.items.first { $0.label == "unlock" })
        #expect(unlock.isEnabled)
        #expect(menu.selected == 0, "the cursor starts on the first row, available or not")
        h.keys("u")
        guard case .confirm(let confirmation)? = h.state.ui.modal else { Issue.record("menu did not lead to a confirmation"); return }
        #expect(confirmation.command == .operation(.unlock(cardId: "C1")))
    }

    @Test func quitAndCtrlCRequestExit() throws {
        var h = Harness(state: F.opened([]))
        h.keys("q")
        #expect(h.state.ui.exitRequested)
        var h2 = Harness(state: F.opened([]))
        h2.state.ui.modal = .help
        h2.keys("ctrl-c")
        #expect(h2.state.ui.exitRequested)
    }
}
