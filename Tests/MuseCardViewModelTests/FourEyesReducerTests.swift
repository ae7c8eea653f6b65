import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore
@testable import MuseCardViewModel
import Testing

/// The single agent's last-four unlock and the requester's side of a four-eyes unlock.
struct FourEyesReducerTests {
    typealias F = ConsoleFixtures
    typealias T = TeamFixtures

    @Test func aSensitiveUnlockAloneAsksForTheLastFourAndSendsNothingUntilTheyMatch() throws {
        var h = Harness(state: F.opened([try T.lockedCard()]))
        #expect(h.keys("u") == [])
        let form = FormCatalog.unlockLastFour(try T.lockedCard())
        #expect(form.intro == ["Unlock card C1 ••••4242 (KATHE MULLER)?", "Locked 2025-11-24 08:00 UTC by anna — FRAUD_SUSPECTED, SUP-1: skimmed",
                               "It was locked for a sensitive reason: type its last four digits to confirm.",
                               "The card can be used for payments again."])
        var expected = F.opened([try T.lockedCard()])
        expected.ui.modal = .form(form)
        #expect(h.state == expected)

        h.type("42")
        #expect(h.keys("enter") == [])
        guard case .form(let short)? = h.state.ui.modal else { Issue.record("the form closed"); return }
        #expect(short.fields[0].error == "type the card's last four digits")

        h.type("43")
        #expect(h.keys("enter") == [], "wrong digits send nothing")
        var wrong = form
        wrong.fields[0].value = "4243"
        wrong.fields[0].error = "does not match the card's last four digits"
        expected.ui.modal = .form(wrong)
        #expect(h.state == expected, "the form stays open, the error on the field")

        h.keys("ctrl-u")
        h.type("4242")
        let effects = h.keys("enter")
        #expect(effects == [.run(userId: "U1", .operation(.unlock(cardId: "C1", check: .lastFour("4242"))), ticket: "T-1")])
        var sent = form
        sent.fields[0].value = "4242"
        expected.ui.modal = nil
        expected.ui.sentForm = sent
        expected.data.cards[0].pending = ["unlock"]
        expected.data.changesInFlight = 1
        expected.ui.flash = Flash("unlock: sent…", .info)
        #expect(h.state == expected)
    }

    @Test func anOrdinaryLockUnlocksWithThePlainConfirmation() throws {
        var card = try T.lockedCard()
        card.lastLock?.reason = LockReason(.customerRequest)
        var h = Harness(state: F.opened([card]))
        h.keys("u")
        #expect(h.state.ui.modal == .confirm(Confirmations.single(.unlock, card: card)))
    }

    @Test func whenTheLayerWantsACheckTheConsoleDidNotKnowItLearnsWhyTheCardWasLocked() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .locked)]))
        h.keys("u", "y")
        let missing = MusePayError.validation(field: "last4", reason: "card C1 was locked as STOLEN by anna; type the card's last four digits to unlock it")
        let effects = h.send(.operationFinished(F.report(.unlock(cardId: "C1"), .notSent, error: missing)))
        #expect(effects == [.loadLastLock(userId: "U1", cardId: "C1")])
        #expect(h.state.ui.flash == Flash("unlock C1: not sent — last4: card C1 was locked as STOLEN by anna; type the card's last four digits to unlock it", .error))
    }

    @Test func aTeamUnlockAsksForApprovalWithANoteAndWaits() throws {
        var h = Harness(state: try T.opened())
        h.keys("u")
        let form = FormCatalog.requestApproval(try T.lockedCard(), previous: nil)
        #expect(form.intro.last == "Unlocking it needs a second person's approval: say why it is safe.")
        #expect(h.state.ui.modal == .form(form))
        #expect(h.keys("enter") == [], "a note is required")
        guard case .form(let empty)? = h.state.ui.modal else { Issue.record("the form closed"); return }
        #expect(empty.fields[0].error == "must not be empty")
        h.type("customer called from home")
        let effects = h.keys("enter")
        #expect(effects == [.requestApproval(userId: "U1", cardId: "C1", note: "customer called from home")])
        var expected = try T.opened()
        var sent = form
        sent.fields[0].value = "customer called from home"
        expected.ui.sentForm = sent
        expected.ui.flash = Flash("Asking for a second person's approval to unlock C1…", .info)
        #expect(h.state == expected)

        let request = T.request()
        #expect(h.send(.approvalRequested(userId: "U1", cardId: "C1", .success(request)))
                == [.loadCardApproval(userId: "U1", cardId: "C1", at: request.expiresAt)])
        expected.ui.sentForm = nil
        expected.data.team.requests = ["C1": request]
        expected.ui.flash = Flash("Asked for a second person's approval to unlock C1 (apr-1); waiting for an approver", .success)
        #expect(h.state == expected)
        #expect(ActionAvailability.whyNot(.unlock, in: h.state) == "waiting for a second person's approval (asked 08:00:00 UTC)")
        let detail = ScreenBuilder().screen(h.state, now: F.t0.addingTimeInterval(60), listHeight: 10).detail
        #expect(detail.contains(DetailLineModel(label: "Approval", value: "waiting since 08:00 (apr-1)", role: "status.pending")))
        let expiredDetail = ScreenBuilder().screen(h.state, now: request.expiresAt, listHeight: 10).detail
        #expect(expiredDetail.contains(DetailLineModel(label: "Approval", value: "expired without a decision — u asks again", role: "text.error")))
    }

    @Test func aRefusedRequestReopensTheFormWithTheReason() throws {
        var h = Harness(state: try T.opened())
        h.keys("u")
        h.type("please")
        h.keys("enter")
        let refused = MusePayError.configuration("the team store cannot be reached (connection refused); no change can be recorded")
        #expect(h.send(.approvalRequested(userId: "U1", cardId: "C1", .failure(refused))) == [])
        guard case .form(let form)? = h.state.ui.modal else { Issue.record("the form did not come back"); return }
        #expect(form.value("note") == "please")
        #expect(form.error == "Could not ask for approval: configuration: the team store cannot be reached (connection refused); no change can be recorded")
    }

    @Test func theAnswerIsFlashedAndAnApprovedUnlockSpendsTheApproval() throws {
        var h = Harness(state: try T.opened())
        h.send(.approvalRequested(userId: "U1", cardId: "C1", .success(T.request())))
        #expect(h.send(.teamEvent(.approvalsChanged)) == [.loadPendingApprovals(), .loadCardApproval(userId: "U1", cardId: "C1")])
        let approved = T.request(state: .approved, decidedBy: "carol", note: "checked")
        #expect(h.send(.cardApprovalLoaded(userId: "U1", cardId: "C1", approved)) == [])
        #expect(h.state.ui.flash == Flash("The unlock of C1 was approved by carol: checked — press u to unlock it", .success))
        #expect(h.state.data.team.requests["C1"] == approved)
        #expect(ActionAvailability.whyNot(.unlock, in: h.state) == nil)

        // A careful agent sends it: one more look, Cancel focused.
        h.keys("u")
        guard case .confirm(let confirmation)? = h.state.ui.modal else { Issue.record("no confirmation"); return }
        #expect(confirmation.message == ["Unlock card C1 ••••4242 (KATHE MULLER)?",
                                         "Locked 2025-11-24 08:00 UTC by anna — FRAUD_SUSPECTED, SUP-1: skimmed",
                                         "Approved by carol at 2025-11-25 08:02 UTC: checked", "The card can be used for payments again."])
        #expect(!confirmation.confirmFocused)
        #expect(h.keys("y") == [.run(userId: "U1", .operation(.unlock(cardId: "C1", check: .approval(id: "apr-1"))), ticket: "T-1")])
    }

    @Test func aDenialIsFlashedAndUAsksAgain() throws {
        var h = Harness(state: try T.opened())
        h.send(.approvalRequested(userId: "U1", cardId: "C1", .success(T.request())))
        let denied = T.request(state: .denied, decidedBy: "carol", note: "card still at risk")
        h.send(.cardApprovalLoaded(userId: "U1", cardId: "C1", denied))
        #expect(h.state.ui.flash == Flash("The unlock of C1 was denied by carol: card still at risk", .error))
        h.keys("u")
        guard case .form(let form)? = h.state.ui.modal else { Issue.record("no request form"); return }
        #expect(form.intro.last == "Your last request: denied by carol: card still at risk.")
        let detail = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).detail
        #expect(detail.contains(DetailLineModel(label: "Approval", value: "denied by carol: card still at risk — u asks again", role: "text.error")))
    }

    @Test func aRequestFromBeforeTheLastLockIsNotShown() throws {
        var h = Harness(state: try T.opened())
        var old = T.request(state: .used)
        old.requestedAt = T.lock.time.addingTimeInterval(-60)
        #expect(h.send(.cardApprovalLoaded(userId: "U1", cardId: "C1", old)) == [])
        #expect(h.state.data.team.requests.isEmpty)
    }

    @Test func aSensitiveLockReadFromTheTrailLooksForARequestGoing() throws {
        var state = try T.opened()
        state.data.cards[0].lastLock = nil
        var h = Harness(state: state)
        #expect(h.send(.lastLockLoaded(userId: "U1", cardId: "C1", T.lock)) == [.loadCardApproval(userId: "U1", cardId: "C1")])
        #expect(h.state == (try T.opened()))
        var single = Harness(state: F.opened([try F.entry("C1", .locked)]))
        #expect(single.send(.lastLockLoaded(userId: "U1", cardId: "C1", T.lock)) == [], "no team, no request")
    }

    @Test func withFourEyesOffTheTopBarSaysSoAndTheLastFourAreAsked() throws {
        var h = Harness(state: try T.opened(fourEyes: false))
        #expect(ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).topBar.fourEyesOff)
        h.keys("u")
        #expect(h.state.ui.modal == .form(FormCatalog.unlockLastFour(try T.lockedCard())))
    }
}
