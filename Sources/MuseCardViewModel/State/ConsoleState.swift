import Foundation
import MuseCardKit

/// The whole console: who is acting, the data on screen, and the UI around it.
public struct ConsoleState: Sendable, Equatable {
    public var session: SessionInfo
    public var data: ConsoleData
    public var ui: ConsoleUI

    public init(session: SessionInfo, data: ConsoleData = ConsoleData(), ui: ConsoleUI = ConsoleUI()) {
        self.session = session
        self.data = data
        self.ui = ui
    }
}

/// Who is acting where: fixed for the life of a console session.
public struct SessionInfo: Sendable, Equatable {
    public var sessionId: String
    public var operatorName: String
    public var profile: String
    /// `SANDBOX`, `TEST`, `PRODUCTION` or `CUSTOM`.
    public var environment: String
    public var readOnly: Bool
    public var startedAt: Date
    /// Bound on concurrent card refreshes.
    public var maxConcurrentRefreshes: Int
    /// Bounds on refreshing the cards that are not on screen.
    public var backgroundRefresh: RefreshBudget
    /// Seconds between refreshes of the visible cards; `0` is off.
    public var refreshSeconds: Int
    /// Ask for a ticket before the first change.
    public var requireTicket: Bool
    /// Command line aliases from config: name → the command it runs.
    public var aliases: [String: String]
    /// The theme names `:theme` completes (the front's catalogue; the view model knows no theme files).
    public var themeNames: [String]
    /// The team store's identity and four-eyes setting; `nil` with the embedded single-agent store.
    public var team: TeamSession?

    /// `refresh_seconds` when a profile does not say.
    public static let defaultRefreshSeconds = 30

    public init(sessionId: String, operatorName: String, profile: String, environment: String,
                readOnly: Bool = false, startedAt: Date, maxConcurrentRefreshes: Int = 8,
                backgroundRefresh: RefreshBudget = .standard,
                refreshSeconds: Int = 0, requireTicket: Bool = false, aliases: [String: String] = [:],
                themeNames: [String] = [], team: TeamSession? = nil) {
        self.team = team
        self.aliases = aliases
        self.themeNames = themeNames
        self.refreshSeconds = refreshSeconds
        self.requireTicket = requireTicket
        self.sessionId = sessionId
        self.operatorName = operatorName
        self.profile = profile
        self.environment = environment
        self.readOnly = readOnly
        self.startedAt = startedAt
        self.maxConcurrentRefreshes = maxConcurrentRefreshes
        self.backgroundRefresh = backgroundRefresh
    }

    public var isProduction: Bool { environment == "PRODUCTION" }
}

/// What the console knows: the open cardholder, their cards, followed operations, the session log.
public struct ConsoleData: Sendable, Equatable {
    public var cardholder: Cardholder?
    public var cards: [CardEntry] = []
    /// How much of a long list is read (`nil`: all of it is in `cards`).
    public var paging: CardPaging?
    /// Cardholders to offer in the picker.
    public var knownCardholders: [KnownCardholder] = []
    /// Applications and replacements being followed.
    public var operations: [FollowedOperation] = []
    /// True after a transport failure or repeated server errors, until a call succeeds again.
    public var offline = false
    /// HTTP 5xx answers since the last success.
    public var serverErrorsInARow = 0
    /// What was done in this session, for the summary.
    public var log: [SessionEvent] = []
    /// Changes sent and not yet reported back (quitting asks while this is above zero).
    public var changesInFlight = 0
    /// Cardholders acted on earlier in the session, with their cards' last statuses, for the summary.
    public var earlierCardholders: [TouchedCardholder] = []
    /// The ticket set with `:ticket`: it goes with every cardholder opened afterwards.
    public var sessionTicket: String?
    /// When MusePay last answered (anything but a transport failure), for the top bar.
    public var lastContactAt: Date?
    /// The call the client is retrying, until its answer or `RetryNote.shownFor`.
    public var retrying: RetryNote?
    /// Viewers, busy cards and approvals from the team store (empty with the embedded store).
    public var team = TeamData()

    public init() {}

    /// Every card the index knows for the open cardholder, read or not.
    public var knownCardCount: Int { cards.count + (paging?.unread ?? 0) }

    /// The entry of `cardId`, if known.
    public func card(_ cardId: String) -> CardEntry? { cards.first { $0.cardId == cardId } }

    /// Calls in flight, for the spinner: counted once per action that can change it, not per frame.
    public var inFlight: Int { inFlightCount.value ?? countInFlight() }

    var inFlightCount = IndexHint()

    mutating func recountInFlight() { inFlightCount.value = countInFlight() }

    private func countInFlight() -> Int {
        var count = operations.filter(\.isInFlight).count
        for card in cards where card.isLoading || !card.pending.isEmpty { count += (card.isLoading ? 1 : 0) + card.pending.count }
        return count
    }
}

/// The cardholder of the open session.
public struct Cardholder: Sendable, Equatable {
    public var userId: String
    public var label: String?
    public var ticket: String?

    public init(userId: String, label: String? = nil, ticket: String? = nil) {
        self.userId = userId
        self.label = label
        self.ticket = ticket
    }
}

/// A cardholder the picker offers.
public struct KnownCardholder: Sendable, Equatable {
    public var userId: String
    public var label: String?
    public var cardCount: Int
    public var lastOpened: Date?

    public init(userId: String, label: String? = nil, cardCount: Int = 0, lastOpened: Date? = nil) {
        self.userId = userId
        self.label = label
        self.cardCount = cardCount
        self.lastOpened = lastOpened
    }
}

/// One known card: its last record, how fresh it is, and what is happening to it.
public struct CardEntry: Sendable, Equatable {
    public var cardId: String
    public var record: CardRecord?
    public var fetchedAt: Date?
    public var isLoading = false
    /// The last error of a refresh or an action on this card.
    public var error: String?
    /// Shown data may be out of date (offline, or the last refresh failed).
    public var isStale = false
    /// Actions in flight on this card (e.g. `lock`).
    public var pending: [String] = []
    /// The service said it does not know this card (7000): nothing can be done but forgetting it.
    public var isUnknownToService = false
    /// Who locked the card and why, while it is locked (from the audit trail).
    public var lastLock: LockNote?

    public init(cardId: String, record: CardRecord? = nil, fetchedAt: Date? = nil) {
        self.cardId = cardId
        self.record = record
        self.fetchedAt = fetchedAt
    }

    public var status: CardStatus? { record?.status }
}

/// An apply or replace the console follows until it ends; its `requestId` never changes.
public struct FollowedOperation: Sendable, Equatable {
    public enum Kind: String, Sendable { case apply, replace }
    public var kind: Kind
    public var requestId: String
    public var applyId: String?
    /// The original card (replace) or the issued card (apply).
    public var cardId: String?
    public var status: String
    public var isInFlight: Bool
    public var attempts: Int

    public init(kind: Kind, requestId: String, applyId: String? = nil, cardId: String? = nil,
                status: String, isInFlight: Bool, attempts: Int = 0) {
        self.kind = kind
        self.requestId = requestId
        self.applyId = applyId
        self.cardId = cardId
        self.status = status
        self.isInFlight = isInFlight
        self.attempts = attempts
    }
}

/// One line of the session log.
public struct SessionEvent: Sendable, Equatable {
    public var time: Date
    public var action: String
    public var cardId: String?
    public var outcome: String
    public var requestId: String?
    /// The cardholder acted on.
    public var userId: String?
    /// The values that were set, as the ticket may show them (phone masked, never a PIN).
    public var values: [String: String]

    public init(time: Date, action: String, cardId: String?, outcome: String, requestId: String? = nil,
                userId: String? = nil, values: [String: String] = [:]) {
        self.time = time
        self.action = action
        self.cardId = cardId
        self.outcome = outcome
        self.requestId = requestId
        self.userId = userId
        self.values = values
    }
}

/// A cardholder acted on in this session and left for another: who, and their cards at that moment.
public struct TouchedCardholder: Sendable, Equatable {
    public var userId: String
    public var label: String?
    public var ticket: String?
    /// Card id and last known status, in list order.
    public var cards: [(String, String)]

    public static func == (a: TouchedCardholder, b: TouchedCardholder) -> Bool {
        a.userId == b.userId && a.label == b.label && a.ticket == b.ticket && a.cards.elementsEqual(b.cards, by: ==)
    }
}
