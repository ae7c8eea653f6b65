import Foundation
import MuseCardKit
import MuseCardOperations
@testable import MuseCardViewModel
import Testing

/// Lock asks for a reason; a locked card says who locked it, when and why.
struct LockReasonReducerTests {
    typealias F = ConsoleFixtures

    /// `h` opened on an active card with the lock form filled: FRAUD_SUSPECTED and a note.
    static func fraudForm() throws -> Harness {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys("l", "right", "right", "right", "tab")
        for character in "card skimmed" { h.keys(character == " " ? "space" : String(character)) }
        return h
    }

    @Test func theLockFormOffersTheSixReasonsAndConfirmsWithTheChosenOne() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        #expect(h.keys("l") == [])
        var form = FormCatalog.lockForm(.lock(cardId: "C1"))
        #expect(form.fields[0].choices == ["CUSTOMER_REQUEST", "LOST", "STOLEN", "FRAUD_SUSPECTED", "COMPROMISED", "OTHER"])
        #expect(h.state.ui.modal == .form(form))

        h = try Self.fraudForm()
        form.fields[0].value = "FRAUD_SUSPECTED"
        form.fields[1].value = "card skimmed"
        form.focused = 1
        #expect(h.state.ui.modal == .form(form))
        #expect(h.keys("enter") == [])
        let reason = LockReason(.fraudSuspected, note: "card skimmed")
        var expected = F.opened([try F.entry("C1", .active)])
        var confirmation = Confirmation(
            title: "Lock card?",
            message: ["Lock card C1 ••••4242 (KATHE MULLER)?", "Reason: FRAUD_SUSPECTED: card skimmed",
                      "The cardholder cannot pay with it until it is unlocked."],
            confirmLabel: "Lock", command: .operation(.lock(cardId: "C1", reason: reason)))
        confirmation.form = form
        expected.ui.modal = .confirm(confirmation)
        expected.ui.sentForm = form
        #expect(h.state == expected)
        #expect(h.keys("y") == [.run(userId: "U1", .operation(.lock(cardId: "C1", reason: reason)), ticket: "T-1")])
    }

    @Test func otherNeedsANote() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys("l", "left", "enter")
        guard case .form(let form)? = h.state.ui.modal else { Issue.record("the form closed"); return }
        #expect(form.value("lock_reason") == "OTHER")
        #expect(form.fields[1].error == "must say why when the reason is OTHER")
        #expect(form.focused == 1, "the error's field is focused")
        h.keys("x", "enter")
        guard case .confirm(let confirmation)? = h.state.ui.modal else { Issue.record("no confirmation"); return }
        #expect(confirmation.command == .operation(.lock(cardId: "C1", reason: LockReason(.other, note: "x"))))
    }

    @Test func ourOwnLockIsShownWithItsReasonInTheDetailPane() throws {
        var h = try Self.fraudForm()
        h.keys("enter", "y")
        let at = F.t0.addingTimeInterval(3 * 3600 + 180)
        let reason = LockReason(.fraudSuspected, note: "card skimmed")
        let effects = h.send(.operationFinished(F.report(.lock(cardId: "C1", reason: reason), .applied, answer: .status(.locked), at: at)))
        #expect(effects == [.fetchCards(userId: "U1", cardIds: ["C1"], maxConcurrent: 8)])
        let note = LockNote(time: at, operatorName: "alice", ticket: "T-1", reason: reason)
        #expect(h.state.data.cards[0].lastLock == note)
        #expect(h.send(.cardFetched(userId: "U1", cardId: "C1", .success(try F.record("C1", .locked)), at: at)) == [],
                "known already: the audit trail is not read again")
        let detail = ScreenBuilder().screen(h.state, now: at, listHeight: 10).detail
        #expect(detail[2] == DetailLineModel(label: "Locked", value: "11:03 by alice — FRAUD_SUSPECTED, T-1: card skimmed", role: "status.locked"))
    }

    @Test func aCardFoundLockedAsksTheAuditTrailOnceAndTheUnlockConfirmationSaysWhy() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        let effects = h.send(.cardFetched(userId: "U1", cardId: "C1", .success(try F.record("C1", .locked)), at: F.t0))
        #expect(effects == [.loadLastLock(userId: "U1", cardId: "C1")])
        let note = LockNote(time: F.t0.addingTimeInterval(-86_400), operatorName: "anna", ticket: "SUP-1", reason: LockReason(.lost))
        h.send(.lastLockLoaded(userId: "U1", cardId: "C1", note))
        var expected = F.opened([CardEntry(cardId: "C1", record: try F.record("C1", .locked), fetchedAt: F.t0)])
        expected.data.cards[0].lastLock = note
        expected.data.lastContactAt = F.t0
        #expect(h.state == expected)
        let detail = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).detail
        #expect(detail[2].value == "2025-11-24 08:00 by anna — LOST, SUP-1", "an earlier day shows its date")

        // LOST is sensitive: alone, the unlock form says why and asks for the last four digits.
        h.keys("u")
        guard case .form(let form)? = h.state.ui.modal else { Issue.record("no unlock form"); return }
        #expect(form.intro.prefix(2) == ["Unlock card C1 ••••4242 (KATHE MULLER)?", "Locked 2025-11-24 08:00 UTC by anna — LOST, SUP-1"])
        h.keys("esc")
        h.send(.cardFetched(userId: "U1", cardId: "C1", .success(try F.record("C1", .active)), at: F.t0))
        #expect(h.state.data.cards[0].lastLock == nil, "an unlocked card has no lock to explain")
        #expect(h.send(.lastLockLoaded(userId: "U2", cardId: "C1", note)) == [])
        #expect(h.state.data.cards[0].lastLock == nil, "another cardholder's answer is dropped")
    }

    @Test func aLockWithoutARecordedReasonSaysSo() {
        let note = LockNote(time: F.t0, operatorName: "bob\u{1B}[31m")
        #expect(note.text(now: F.t0) == "08:00 by bob␛[31m — no reason recorded")
    }
}
