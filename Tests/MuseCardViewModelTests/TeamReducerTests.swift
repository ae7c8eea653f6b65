import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore
@testable import MuseCardViewModel
import Testing

/// The approver's badge and list, and living together: card changes, viewers, busy cards, a stale store.
struct TeamReducerTests {
    typealias F = ConsoleFixtures
    typealias T = TeamFixtures

    static let bobs = T.request("apr-1", by: "bob")
    static let carols = T.request("apr-2", by: "carol", card: "C2")

    /// Carol, an approver, with Bob's request and her own waiting.
    static func approver() throws -> Harness {
        var h = Harness(state: try T.opened(as: "carol", approver: true))
        h.send(.pendingApprovalsLoaded(.success([bobs, carols])))
        return h
    }

    /// Carol's approvals list, open and read.
    static func approverList() throws -> Harness {
        var h = try approver()
        h.keys("A")
        h.send(.pendingApprovalsLoaded(.success([bobs, carols])))
        return h
    }

    @Test func theBadgeCountsWhatThisApproverCanDecideNow() throws {
        var h = Harness(state: try T.opened(as: "carol", approver: true))
        #expect(h.send(.startTeam) == [.subscribeTeam])
        #expect(h.send(.teamListening) == [.loadPendingApprovals(), .loadViewers(userId: "U1"), .loadBusy(userId: "U1")],
                "what changed before the events were heard is read once")
        #expect(h.send(.pendingApprovalsLoaded(.success([Self.bobs, Self.carols]))) == [.loadPendingApprovals(at: Self.bobs.expiresAt)],
                "the expiry is read back when it comes")
        #expect(h.send(.pendingApprovalsLoaded(.success([Self.bobs, Self.carols]))) == [], "once")
        #expect(ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).topBar.approvals == 1, "her own request is not hers to decide")
        #expect(ScreenBuilder().screen(h.state, now: Self.bobs.expiresAt, listHeight: 10).topBar.approvals == 0, "an expired one no more")
        var agent = Harness(state: try T.opened(as: "anna"))
        agent.send(.pendingApprovalsLoaded(.success([Self.bobs])))
        #expect(ScreenBuilder().screen(agent.state, now: F.t0, listHeight: 10).topBar.approvals == 0, "no badge without the approver role")
        #expect(HintPresenter.hints(h.state, keys: .defaults).contains(KeyHintModel(key: "A", label: "show approvals")))
    }

    @Test func theListShowsTheSelectedRequestAndItsCardsHistory() throws {
        var h = try Self.approver()
        #expect(h.keys("A") == [.loadPendingApprovals()])
        #expect(h.state.ui.modal == .approvals(ApprovalsState()))
        #expect(h.send(.pendingApprovalsLoaded(.success([Self.bobs, Self.carols])))
                == [.loadApprovalHistory(requestId: "apr-1", userId: "U1", cardId: "C1")])
        var list = ApprovalsState()
        list.isLoading = false
        list.historyFor = "apr-1"
        var expected = try T.opened(as: "carol", approver: true)
        expected.data.team.pending = [Self.bobs, Self.carols]
        expected.ui.modal = .approvals(list)
        #expect(h.state == expected)

        let lock = AuditEntry(time: T.lock.time, operatorName: "anna", sessionId: "S", profile: "team", userId: "U1", cardId: "C1", action: "lock",
                              parameters: ["lock_reason": "FRAUD_SUSPECTED", "note": "skimmed"], outcome: .applied, operationId: "op-1")
        let history = AuditOperation.group([lock])
        h.send(.approvalHistoryLoaded(requestId: "apr-1", history, error: nil))
        list.history = history
        expected.ui.modal = .approvals(list)
        #expect(h.state == expected)
        guard case .approvals(let model)? = ScreenBuilder().screen(h.state, now: F.t0.addingTimeInterval(180), listHeight: 10).modal else {
            Issue.record("no approvals popup"); return
        }
        #expect(model.title == "Approvals — 2 waiting")
        #expect(model.requests.rows.map(\.cells) == [["3m", "C1", "FRAUD_SUSPECTED", "bob", "customer called from home"],
                                                    ["3m", "C2", "FRAUD_SUSPECTED", "you", "customer called from home"]])
        #expect(model.requests.rows[1].role == "text.dim", "her own request is greyed")
        #expect(model.detail == ["Card C1 of cardholder U1, locked as FRAUD_SUSPECTED", "Asked by bob 3m ago: customer called from home",
                                 "Can be approved until 08:15:00 UTC."])
        #expect(model.history?.rows.map(\.cells) == [["2025-11-24 08:00", "anna", "lock", "FRAUD_SUSPECTED: skimmed", "applied"]])
        #expect(model.footer == "j/k move  Y approve  N deny (with a note)  esc close")

        #expect(h.keys("j") == [.loadApprovalHistory(requestId: "apr-2", userId: "U1", cardId: "C2")])
        guard case .approvals(let second)? = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).modal else { return }
        #expect(second.detail.last == "You cannot decide it: you asked for it; another approver must decide.")
        #expect(second.history?.placeholder == "Reading the card's history…")
    }

    @Test func approvingIsConfirmedAndTheStoreAnswerIsShown() throws {
        var h = try Self.approverList()
        #expect(h.keys("Y") == [])
        guard case .confirm(let confirmation)? = h.state.ui.modal else { Issue.record("no confirmation"); return }
        #expect(confirmation.title == "Approve unlock?" && confirmation.command == .decideApproval(id: "apr-1", approve: true, note: nil))
        #expect(confirmation.message[0] == "Approve bob's request to unlock card C1 of U1?")
        #expect(h.keys("n") == [])
        guard case .approvals? = h.state.ui.modal else { Issue.record("cancel goes back to the list"); return }
        h.keys("Y")
        #expect(h.keys("y") == [.decideApproval(id: "apr-1", approve: true, note: nil)])
        #expect(h.state.ui.modal == .approvals(ApprovalsState()), "back in the list, which is read again")
        let approved = T.request(state: .approved, decidedBy: "carol")
        #expect(h.send(.approvalDecided(id: "apr-1", approve: true, .success(approved))) == [.loadPendingApprovals()])
        #expect(h.state.data.team.pending == [Self.carols])
        #expect(h.state.ui.flash == Flash("Approved bob's unlock of card C1 (apr-1)", .success))

        let refusal = MusePayError.validation(field: "approval", reason: "refused by the team store: request apr-1 is approved, not pending")
        h.send(.approvalDecided(id: "apr-1", approve: true, .failure(refusal)))
        #expect(h.state.ui.flash == Flash("Could not approve apr-1: approval: refused by the team store: request apr-1 is approved, not pending", .error))
    }

    @Test func oneCannotApproveOnesOwnRequestInTheConsole() throws {
        var h = try Self.approverList()
        h.keys("j")
        let before = h.state
        #expect(h.keys("Y") == [])
        #expect(h.state.ui.flash == Flash("Cannot approve apr-2: you asked for it; another approver must decide", .error))
        var expected = before
        expected.ui.flash = h.state.ui.flash
        #expect(h.state == expected, "nothing else changed")
        var agent = Harness(state: try T.opened(as: "anna"))
        agent.keys("A")
        agent.send(.pendingApprovalsLoaded(.success([Self.bobs])))
        agent.keys("Y")
        #expect(agent.state.ui.flash == Flash("Cannot approve apr-1: anna does not hold the approver role", .error))
    }

    @Test func aDenialNeedsANoteAndIsConfirmed() throws {
        var h = try Self.approverList()
        h.keys("N")
        #expect(h.state.ui.modal == .form(FormCatalog.denyApproval(Self.bobs)))
        h.keys("enter")
        guard case .form(let empty)? = h.state.ui.modal else { Issue.record("the form closed"); return }
        #expect(empty.fields[0].error == "must not be empty")
        #expect(h.keys("esc") == [.loadPendingApprovals()], "esc goes back to the list")
        h.send(.pendingApprovalsLoaded(.success([Self.bobs, Self.carols])))
        h.keys("N")
        h.type("card still at risk")
        h.keys("enter")
        guard case .confirm(let confirmation)? = h.state.ui.modal else { Issue.record("no confirmation"); return }
        #expect(confirmation.message == ["Deny bob's request to unlock card C1?", "Your note: card still at risk", "The card stays locked."])
        #expect(h.keys("y") == [.decideApproval(id: "apr-1", approve: false, note: "card still at risk")])
    }

    @Test func aChangeByAnotherConsoleIsReadAgainThroughTheRefresh() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active), try T.lockedCard()]))
        h.state.data.cards[1].cardId = "C2"
        h.state.session.team = TeamSession(identity: "bob", isApprover: false)
        #expect(h.send(.teamEvent(.cardChanged(userId: "U1", cardId: "C1"))) == [.fetchCards(userId: "U1", cardIds: ["C1"], maxConcurrent: 8)])
        #expect(h.state.data.cards[0].isLoading)
        #expect(h.send(.teamEvent(.cardChanged(userId: "U1", cardId: "C2")))
                == [.fetchCards(userId: "U1", cardIds: ["C2"], maxConcurrent: 8), .loadLastLock(userId: "U1", cardId: "C2")],
                "a locked card's reason is read again too")
        #expect(h.send(.teamEvent(.cardChanged(userId: "U9", cardId: "C1"))) == [], "another cardholder")
        #expect(h.send(.teamEvent(.cardChanged(userId: "U1", cardId: "C9"))) == [], "a card this console does not show")
    }

    @Test func viewersAndBusyCardsShowInTheTopBarTheRowAndThePane() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.state.session.team = TeamSession(identity: "bob", isApprover: false)
        #expect(h.send(.openCardholder(userId: "U1", label: nil, ticket: nil))
                == [.loadCardholder(userId: "U1", label: nil), .announceOpen(userId: "U1")])
        h.send(.cardListOpened(userId: "U1", [try F.entry("C1", .active)], total: 1))
        #expect(h.send(.teamEvent(.viewersChanged(userId: "U1"))) == [.loadViewers(userId: "U1")])
        #expect(h.send(.teamEvent(.viewersChanged(userId: "U2"))) == [])
        h.send(.viewersLoaded(userId: "U1", ["anna", "carol"]))
        #expect(h.send(.teamEvent(.busyChanged(userId: "U1", cardId: "C1"))) == [.loadBusy(userId: "U1")])
        h.send(.busyLoaded(userId: "U1", ["C1": "anna"]))
        h.send(.cardFetched(userId: "U1", cardId: "C1", .success(try F.record("C1", .active)), at: F.t0))
        let screen = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10)
        #expect(screen.topBar.viewers == ["anna", "carol"])
        #expect(screen.rows[0].marker == .busy)
        #expect(screen.detail.contains(DetailLineModel(label: "Busy", value: "anna is changing this card", role: "text.error")))
        #expect(ActionAvailability.whyNot(.lock, in: h.state) == "busy: anna is changing this card")
        h.send(.busyLoaded(userId: "U1", [:]))
        #expect(ActionAvailability.whyNot(.lock, in: h.state) == nil)
        h.send(.viewersLoaded(userId: "U2", ["dave"]))
        #expect(h.state.data.team.viewers == ["anna", "carol"], "another cardholder's viewers are dropped")
    }

    @Test func aStaleTeamStoreGreysEveryChange() throws {
        var h = Harness(state: try T.opened())
        h.state.data.cards.append(try F.entry("C3", .active))
        h.send(.teamStoreReachable(false))
        #expect(h.state.data.team.storeStale)
        let why = "team store unreachable — no change can be recorded"
        for action in [KeyAction.lock, .unlock, .lockAll, .apply, .updatePhone] { #expect(ActionAvailability.whyNot(action, in: h.state) == why, "\(action)") }
        #expect(ActionAvailability.whyNot(.refresh, in: h.state) == nil, "reading stays possible")
        h.keys("a")
        guard case .menu(let menu)? = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).modal else { Issue.record("no menu"); return }
        #expect(menu.items.first { $0.label == "unlock" }?.reason == why)
        h.keys("esc", "u")
        #expect(h.state.ui.flash == Flash("Cannot unlock: \(why)", .error))
        #expect(ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).topBar.teamStoreStale)
        h.send(.teamStoreReachable(true))
        #expect(ActionAvailability.whyNot(.unlock, in: h.state) == nil)
    }

    @Test func whenTheTeamStoreIsBackWhatWasMissedIsReadAgainAndItsErrorsWereNotFlashedMeanwhile() throws {
        var h = Harness(state: try T.opened(as: "bob"))
        #expect(h.send(.teamStoreReachable(false)) == [])
        h.send(.notice("Team store unreachable — showing the local last-known copy"))
        h.send(.storeFailed("cannot connect to the team database"))
        #expect(h.state.ui.flash?.text == "Team store unreachable — showing the local last-known copy", "the top bar says it; the notice stays")
        #expect(h.send(.teamStoreReachable(false)) == [], "no change, nothing to do")
        let locked = h.state.data.cards.filter { $0.status == .locked }.map(\.cardId)
        #expect(!locked.isEmpty)
        #expect(h.send(.teamStoreReachable(true))
                == [.learnTeamSession, .loadPendingApprovals(), .announceOpen(userId: "U1")] + locked.map { .loadLastLock(userId: "U1", cardId: $0) })
        #expect(h.send(.teamStoreReachable(true)) == [], "only a change back is one")
        h.send(.teamSessionLearned(TeamSession(identity: "bob", isApprover: true)))
        #expect(h.state.session.team?.isApprover == true, "a console opened while the store was away learns its role once it answers")
        h.send(.storeFailed("disk full"))
        #expect(h.state.ui.flash?.text == "Local cache or audit trail: disk full")
    }

    @Test func withoutATeamStoreTheTeamActionsDoNothing() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        let before = h.state
        #expect(h.send(.startTeam, .teamEvent(.approvalsChanged), .viewersLoaded(userId: "U1", ["anna"])) == [])
        #expect(h.state == before)
        h.keys("A")
        #expect(h.state.ui.flash == Flash("Cannot show approvals: no team store (this profile is single-agent)", .error))
    }
}
