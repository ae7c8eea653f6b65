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
    /// The cached cards of a cardholder, shown at once before any network answer.
    case cachedCardsLoaded(userId: String, [CardEntry])
    /// Apply and replace requests left pending by an earlier session: applications are followed,
    /// replaces are offered for resumption (never re-sent without a yes).
    case pendingRequestsLoaded(userId: String, [JournalEntry])
    case cardFetched(userId: String, cardId: String, Result<CardRecord, MusePayError>, at: Date)
    /// One operation has ended and been recorded, as the operations layer reports it.
    case operationFinished(OperationReport)
    case applicationPolled(userId: String, requestId: String, Result<ApplyResult, MusePayError>, at: Date)
    case cardAdded(userId: String, cardId: String)
    /// A batch (lock every active card) has ended.
    case batchFinished(userId: String, action: String, succeeded: Int, failed: Int)
    /// The cache or the audit trail failed; nothing else is lost.
    case storeFailed(String)
    /// A one-time notice, e.g. that a corrupt cache was moved aside.
    case notice(String)
}

/// Work for the effect runner: plain values, run outside the reducer, results fed back as actions.
public enum Effect: Sendable, Equatable {
    case loadCardholders
    /// Records the opening, then feeds back cached cards and pending operations.
    case loadCardholder(userId: String, label: String?)
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
}
