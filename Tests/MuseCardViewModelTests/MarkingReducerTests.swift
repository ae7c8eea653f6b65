import Foundation
import MuseCardKit
import MuseCardOperations
@testable import MuseCardViewModel
import Testing

/// Marking cards (`space`, `*`, `esc`) and lock, unlock and refresh of the marked cards: one
/// form or question for all, one operation per card, the cards left out named with why.
struct MarkingReducerTests {
    typealias F = ConsoleFixtures

    /// C1 ACTIVE, C2 LOCK, C3 ACTIVE, C4 CANCELED of cardholder U1, C1 selected.
    static func four() throws -> ConsoleState {
        F.opened([try F.entry("C1", .active), try F.entry("C2", .locked), try F.entry("C3", .active), try F.entry("C4", .canceled)])
    }

    @Test func spaceMarksTheSelectedCardAndMovesOnAgainUnmarks() throws {
        var h = Harness(state: try Self.four())
        #expect(h.keys("space", "space") == [])
        var expected = try Self.four()
        expected.ui.marked = ["C1", "C2"]
        expected.ui.selectedCardId = "C3"
        #expect(h.state == expected)
        h.keys("k", "space")
        expected.ui.marked = ["C1"]
        #expect(h.state == expected, "space on a marked card unmarks it and moves on")
    }

    @Test func starMarksTheShownCardsTheFilterNarrowsItAndAllMarkedUnmarksThem() throws {
        var h = Harness(state: try Self.four())
        h.keys("/", "c", "3", "enter")
        #expect(h.keys("*") == [])
        var expected = try Self.four()
        expected.ui.filterText = "c3"
        expected.ui.selectedCardId = "C3"
        expected.ui.marked = ["C3"]
        expected.ui.flash = Flash("Marked 1 shown card matching the filter; 1 marked", .info)
        #expect(h.state == expected)

        h.keys("esc", "*")
        expected.ui.filterText = ""
        expected.ui.marked = ["C1", "C2", "C3", "C4"]
        expected.ui.flash = Flash("Marked 4 shown cards; 4 marked", .info)
        #expect(h.state == expected, "esc clears the filter first and keeps the marks")

        h.keys("/", "l", "o", "c", "k", "enter", "*")
        expected.ui.filterText = "lock"
        expected.ui.selectedCardId = "C2"
        expected.ui.marked = ["C1", "C3", "C4"]
        expected.ui.flash = Flash("Unmarked 1 shown card matching the filter; 3 marked", .info)
        #expect(h.state == expected, "every shown card was marked: * unmarks the shown ones only")
    }

    @Test func escClearsTheFilterThenTheMarks() throws {
        var h = Harness(state: try Self.four())
        h.keys("*", "/", "c", "1", "enter", "esc")
        #expect(h.state.ui.marked.count == 4 && h.state.ui.filterText.isEmpty)
        h.keys("esc")
        var expected = try Self.four()
        expected.ui.flash = Flash("Cleared 4 marks", .info)
        #expect(h.state == expected)
    }

    @Test func lockOfTheMarkedCardsAsksTheReasonOnceThenOneQuestionWithTheCountAndTheSkipped() throws {
        var h = Harness(state: try Self.four())
        h.keys("space", "space", "space")
        #expect(h.keys("l") == [])
        let asked = BulkCommand(.lock, scope: .marked, cardIds: ["C1", "C3"], skipped: [BulkSkip(cardId: "C2", why: "already LOCK")])
        var expected = try Self.four()
        expected.ui.marked = ["C1", "C2", "C3"]
        expected.ui.selectedCardId = "C4"
        expected.ui.modal = .form(FormCatalog.lockForm(.lockMany(asked)))
        #expect(h.state == expected, "the same reason form as a single card")

        h.keys("right", "right", "enter")
        guard case .confirm(let confirmation)? = h.state.ui.modal else { Issue.record("no confirmation"); return }
        var bulk = asked
        bulk.reason = LockReason(.stolen)
        #expect(confirmation.title == "Lock 2 marked cards?")
        #expect(confirmation.message == ["Lock 2 of 3 marked cards of Käthe Müller (U1)?", "Reason: STOLEN",
                                         "Left out: 1 (already LOCK)", "  C1", "  C3"])
        #expect(confirmation.confirmLabel == "Lock 2 cards")
        #expect(confirmation.command == .bulk(bulk))
        #expect(!confirmation.confirmFocused, "Cancel first, as for one card")

        #expect(h.keys("y") == [.run(userId: "U1", .bulk(bulk), ticket: "T-1")])
        expected.ui.modal = nil
        expected.ui.flash = Flash("lock: sent…", .info)
        expected.data.cards[0].pending = ["lock"]
        expected.data.cards[2].pending = ["lock"]
        expected.data.changesInFlight = 2
        expected.data.recountInFlight()
        #expect(h.state == expected, "one lock per eligible card in flight; the marks stay")
    }

    @Test func eachAnswerUpdatesItsRowAndTheEndSaysWhatWasDoneAndSkipped() throws {
        var h = Harness(state: try Self.four())
        h.keys("space", "space", "space", "l", "enter", "y")
        h.send(.operationFinished(F.report(.lock(cardId: "C1", reason: LockReason(.customerRequest)), .applied, answer: .status(.locked))),
               .operationFinished(F.report(.lock(cardId: "C3", reason: LockReason(.customerRequest)), .refused,
                                           error: .refused(code: "5005", message: "CARD_STATUS_INVALID"))))
        #expect(h.state.data.cards.map(\.status) == [.locked, .locked, .active, .canceled])
        #expect(h.state.data.cards.map(\.pending) == [[], [], [], []] && h.state.data.changesInFlight == 0)
        let bulk = BulkCommand(.lock, scope: .marked, cardIds: ["C1", "C3"], reason: LockReason(.customerRequest),
                               skipped: [BulkSkip(cardId: "C2", why: "already LOCK")])
        h.send(.bulkFinished(userId: "U1", bulk, succeeded: 1, failed: 1))
        #expect(h.state.ui.flash == Flash("Locked 1, 1 failed (see the rows), skipped 1 (already LOCK)", .error))
        h.send(.bulkFinished(userId: "U1", BulkCommand(.lock, scope: .marked, cardIds: ["C1", "C3"]), succeeded: 2, failed: 0))
        #expect(h.state.ui.flash == Flash("Locked 2", .success))
    }

    @Test func unlockOfTheMarkedCardsLeavesOutUnlockedAndSensitiveLocksAndSaysHowManyGo() throws {
        var state = F.opened([try F.entry("C1", .locked), try F.entry("C2", .locked), try F.entry("C3", .active), try F.entry("C4", .locked)])
        state.data.cards[0].lastLock = LockNote(time: F.t0, operatorName: "bob", reason: LockReason(.stolen))
        state.data.cards[1].lastLock = LockNote(time: F.t0, operatorName: "bob", reason: LockReason(.customerRequest))
        var h = Harness(state: state)
        h.keys("*", "u")
        let bulk = BulkCommand(.unlock, scope: .marked, cardIds: ["C2"], skipped: [
            BulkSkip(cardId: "C1", why: MarkedCards.sensitive), BulkSkip(cardId: "C3", why: "not locked"),
            BulkSkip(cardId: "C4", why: "lock reason not known"),
        ])
        var expected = state
        expected.ui.marked = ["C1", "C2", "C3", "C4"]
        expected.ui.flash = Flash("Marked 4 shown cards; 4 marked", .info)
        var confirmation = Confirmation(title: "Unlock 1 marked card?", message: [
            "Unlock 1 of 4 marked cards of Käthe Müller (U1)?",
            "Left out: 3 (1 sensitive lock reason, 1 not locked, 1 lock reason not known)",
            "Sensitive locks are undone one card at a time: esc clears the marks, then u on the card.",
            "  C2", "The cards can be used for payments again.",
        ], confirmLabel: "Unlock 1 card", command: .bulk(bulk))
        confirmation.confirmFocused = false
        expected.ui.modal = .confirm(confirmation)
        #expect(h.state == expected)
        #expect(h.keys("y") == [.run(userId: "U1", .bulk(bulk), ticket: "T-1")])
        #expect(h.state.data.cards.map(\.pending) == [[], ["unlock"], [], []], "only the one sent is busy")
    }

    @Test func whenNoMarkedCardQualifiesTheKeySaysWhyAndNothingOpens() throws {
        var h = Harness(state: try Self.four())
        h.keys("j", "space")
        let before = h.state
        #expect(h.keys("l") == [])
        var expected = before
        expected.ui.flash = Flash("Cannot lock marked: the marked card cannot be locked (already LOCK)", .error)
        #expect(h.state == expected)
        h.keys("space", "u")
        #expect(h.state.ui.flash == Flash("Cannot unlock marked: none of the 2 marked cards can be unlocked (1 lock reason not known, 1 not locked)", .error))
        #expect(h.state.ui.modal == nil)
    }

    @Test func aMarkedCardTheFilterHidesIsLeftOut() throws {
        var h = Harness(state: try Self.four())
        h.keys("space", "j", "space", "/", "c", "3", "enter", "l")
        guard case .form(let form)? = h.state.ui.modal, case .lockMany(let bulk) = form.kind else { Issue.record("no lock form"); return }
        #expect(bulk == BulkCommand(.lock, scope: .marked, cardIds: ["C3"], skipped: [BulkSkip(cardId: "C1", why: "hidden by the filter")]))
    }

    @Test func refreshOfTheMarkedCardsAsksForThemWithoutAQuestion() throws {
        var h = Harness(state: try Self.four())
        h.keys("space", "j", "space")
        #expect(h.keys("r") == [.fetchCards(userId: "U1", cardIds: ["C1", "C3"], maxConcurrent: 8)])
        var expected = try Self.four()
        expected.ui.marked = ["C1", "C3"]
        expected.ui.selectedCardId = "C4"
        expected.ui.flash = Flash("Refreshing 2 marked cards…", .info)
        expected.ui.refreshWatch = RefreshWatch(verb: "Refreshed", cardIds: ["C1", "C3"])
        expected.data.cards[0].isLoading = true
        expected.data.cards[2].isLoading = true
        expected.data.recountInFlight()
        #expect(h.state == expected)
    }

    @Test func marksSurviveARefreshGoWithAForgottenCardAndBelongToOneCardholder() throws {
        var h = Harness(state: try Self.four())
        h.keys("space", "space")
        h.send(.cardFetched(userId: "U1", cardId: "C1", .success(try F.record("C1", .active)), at: F.t0))
        #expect(h.state.ui.marked == ["C1", "C2"], "a refresh keeps the marks")
        h.keys("k")
        _ = h.reducer.perform(.forgetCard, state: &h.state)
        #expect(h.state.data.card("C2") == nil && h.state.ui.marked == ["C1"], "a card that is gone is no longer marked")
        h.send(.openCardholder(userId: "U2", label: nil, ticket: nil))
        #expect(h.state.ui.marked.isEmpty, "another cardholder starts with no marks")
    }

    @Test func marksShowOnRowsTheTopBarHintsAndMenu() throws {
        var h = Harness(state: try Self.four())
        h.keys("space", "j", "space")
        let screen = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10)
        #expect(screen.rows.map(\.isMarked) == [true, false, true, false])
        #expect(screen.topBar.marked == 2)
        #expect(screen.hints.map(\.label) == ["move", "clear marks", "actions", "lock marked", "refresh marked", "filter", "help", "quit"])
        h.keys("a")
        guard case .menu(let menu)? = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).modal else { Issue.record("no menu"); return }
        #expect(menu.title == "Actions — C4 (CANCELED) · 2 marked")
        #expect(menu.items.prefix(2).map(\.label) == ["lock marked", "unlock marked"])
        #expect(menu.items.first { $0.label == "unlock marked" }?.reason == "none of the 2 marked cards can be unlocked (not locked)")
    }

    @Test func aReadOnlySessionMarksAndRefreshesButHasNoBulkChanges() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active), try F.entry("C2", .active)], readOnly: true))
        h.keys("*", "l")
        #expect(h.state.ui.marked == ["C1", "C2"] && h.state.ui.modal == nil)
        #expect(h.state.ui.flash == Flash("Cannot lock: read-only session", .error))
        let screen = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10)
        #expect(screen.hints.map(\.label) == ["move", "clear marks", "actions", "refresh marked", "filter", "help", "quit"])
        #expect(KeyTable.defaults.readOnly.binding(.mark) != nil && KeyTable.defaults.readOnly.binding(.markAll) != nil)
    }
}
