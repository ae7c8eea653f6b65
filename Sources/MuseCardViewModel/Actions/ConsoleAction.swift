import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore

/// Everything that can happen to the console: user intents and the results of effects.
public enum ConsoleAction: Sendable, Equatable {
    // Intents.
    /// A key, by name: the character itself, or `up`, `enter`, `esc`, `ctrl-c`, …
    case keyPressed(String)
    /// Text pasted in one go: goes to the focused text input only, never read as keys.
    case pasted(String)
    /// The front shows (true) or stops showing the "terminal too small" screen.
    case terminalTooSmall(Bool)
    /// The front reports how many card rows fit.
    case viewportChanged(listHeight: Int)
    case openCardholder(userId: String, label: String?, ticket: String?)
    case showPicker

    // Results.
    case cardholdersLoaded([KnownCardholder])
    /// The first page of a cardholder's cached cards and the size of the whole list in the index,
    /// shown at once before any network answer.
    case cardListOpened(userId: String, [CardEntry], total: Int)
    /// A further page of the list, read from row `from` (`asked`: the page size asked for; `nil`: all the rest).
    case cardPageRead(userId: String, [CardEntry], from: Int, asked: Int?)
    /// Apply and replace requests left pending by an earlier session: applications are followed,
    /// replaces are offered for resumption (never re-sent without a yes).
    case pendingRequestsLoaded(userId: String, [JournalEntry])
    case cardFetched(userId: String, cardId: String, Result<CardRecord, MusePayError>, at: Date)
    /// One operation has ended and been recorded, as the operations layer reports it.
    case operationFinished(OperationReport)
    case applicationPolled(userId: String, requestId: String, Result<ApplyResult, MusePayError>, at: Date)
    case cardAdded(userId: String, cardId: String)
    /// Every operation of a bulk change (lock every active card, lock or unlock the marked ones) has ended.
    case bulkFinished(userId: String, BulkCommand, succeeded: Int, failed: Int)
    /// The cache or the audit trail failed; nothing else is lost.
    case storeFailed(String)
    /// A one-time notice, e.g. that a corrupt cache was moved aside.
    case notice(String)
    /// Who locked a locked card and why (`nil`: the audit trail has no lock of it).
    case lastLockLoaded(userId: String, cardId: String, LockNote?)
    /// A card's operations from the audit trail, newest first, or why they could not be read.
    case historyLoaded(userId: String, cardId: String, [AuditOperation], error: String?)
    /// One page of a card's transactions.
    case transactionsLoaded(userId: String, cardId: String, page: Int, Result<[Transaction], MusePayError>,
                            filters: TransactionFilters = TransactionFilters())
    /// The clipboard took `what` (or could not, and says why).
    case copied(what: String, error: String?)
    /// What a cardholder search for `text` found (the index answers even when the service fails).
    case cardholdersFound(text: String, [CardholderMatch], error: String?)
    /// The index knows the open cardholder's name (opened by id alone): the top bar shows it.
    case cardholderNamed(userId: String, name: String)
    /// A click on the card list's row `index` (in the filtered, sorted list).
    case rowClicked(Int)
    /// A click on the action menu's entry `index`: it runs, as Enter on it would.
    case menuItemClicked(Int)
    /// Starts the session's auto-refresh (every `refresh_seconds`; nothing when 0).
    case startAutoRefresh
    /// Time to refresh the visible cards, unless a popup or form is open.
    case autoRefreshDue
    /// The client is about to retry a call: the top bar says so.
    case retrying(RetryNote)
    /// `RetryNote.shownFor` has passed: the note goes unless a newer one replaced it.
    case retryExpired(RetryNote)

    // Team store.
    /// Starts listening to the team store (a team session only).
    case startTeam
    /// The channel's events are being listened to: what may have changed before is read once.
    case teamListening
    /// Something a console did (this one's included), from the team store's channel.
    case teamEvent(TeamEvent)
    /// Who else has the cardholder open.
    case viewersLoaded(userId: String, [String])
    /// The cardholder's cards with a change in flight elsewhere, and whose.
    case busyLoaded(userId: String, [String: String])
    /// The requests waiting for a decision, or why they could not be read.
    case pendingApprovalsLoaded(Result<[ApprovalRequest], MusePayError>)
    /// This agent's latest request for a card (`nil`: none).
    case cardApprovalLoaded(userId: String, cardId: String, ApprovalRequest?)
    /// The store's answer to asking for an approval.
    case approvalRequested(userId: String, cardId: String, Result<ApprovalRequest, MusePayError>)
    /// The store's answer to approving or denying (a refusal carries its reason).
    case approvalDecided(id: String, approve: Bool, Result<ApprovalRequest, MusePayError>)
    /// The history of a request's card, for the approvals list.
    case approvalHistoryLoaded(requestId: String, [AuditOperation], error: String?)
    /// Whether the team store answers; while it does not, no change may be made.
    case teamStoreReachable(Bool)
    /// Who the team store says this console is, read again once it answers (a console opened while
    /// it was away learns its role only then).
    case teamSessionLearned(TeamSession)
}

/// Work for the effect runner: plain values, run outside the reducer, results fed back as actions.
public enum Effect: Sendable, Equatable {
    case loadCardholders
    /// Records the opening, then feeds back cached cards and pending operations.
    case loadCardholder(userId: String, label: String?)
    /// Reads `limit` more of the open cardholder's cards from the index from row `from` (`nil`: all the rest).
    case readCards(userId: String, from: Int, limit: Int?)
    /// Queries each card, at most `maxConcurrent` at once; each answer comes back on its own.
    case fetchCards(userId: String, cardIds: [String], maxConcurrent: Int)
    /// Queries cards that are not on screen, oldest first, within the session's `RefreshBudget`;
    /// replaces any background refresh still going. Cards are not marked loading.
    case refreshInBackground(userId: String, cards: [CardAge])
    /// Runs a confirmed command through the operations layer, feeding back one report per operation.
    case run(userId: String, ConfirmedCommand, ticket: String?)
    case pollApplication(userId: String, requestId: String, applyId: String?, after: Duration)
    case addCard(userId: String, cardId: String)
    case forgetCard(userId: String, cardId: String)
    /// Forgets a cardholder in the local index, then feeds back the cardholders still known.
    case forgetCardholder(userId: String)
    /// Reads the last lock of a locked card from the audit trail.
    case loadLastLock(userId: String, cardId: String)
    /// Reads a card's history from the audit trail.
    case loadHistory(userId: String, cardId: String)
    /// Reads one page (`TransactionsState.pageSize`) of a card's transactions, newest first.
    case loadTransactions(userId: String, cardId: String, page: Int, filters: TransactionFilters = TransactionFilters())
    /// Puts a value on the clipboard; `what` names it for the flash (never a secret's value).
    case copy(CopyValue, what: String)
    /// Finds cardholders by every reading of `text` (user id, xid, phone, email, name).
    case findCardholders(text: String)
    /// Sends `.autoRefreshDue` after `after`.
    case autoRefresh(after: Duration)
    /// Sends `.retryExpired(note)` after `after`.
    case expireRetry(RetryNote, after: Duration)

    // Team store (nothing runs without one).
    /// Feeds the channel's events back as `.teamEvent`, for the life of the console.
    case subscribeTeam
    /// Tells the team which cardholder this console has open (`nil`: none), then reads viewers and busy cards.
    case announceOpen(userId: String?)
    case loadViewers(userId: String)
    case loadBusy(userId: String)
    /// Reads the pending requests, at `at` when given (an expiry to notice).
    case loadPendingApprovals(at: Date? = nil)
    /// Reads this agent's latest request for the card, at `at` when given (its expiry).
    case loadCardApproval(userId: String, cardId: String, at: Date? = nil)
    case requestApproval(userId: String, cardId: String, note: String)
    case decideApproval(id: String, approve: Bool, note: String?)
    /// Reads the card's history from the audit trail for the approvals list.
    case loadApprovalHistory(requestId: String, userId: String, cardId: String)
    /// Asks the channel who this console is (`.teamSessionLearned`).
    case learnTeamSession
}
