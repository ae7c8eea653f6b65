import Foundation

/// Everything the terminal front draws for one frame, derived from `ConsoleState`.
///
/// Plain data, already sanitised and formatted: the front only lays it out and paints it.
public struct ScreenModel: Sendable, Equatable {
    public var topBar: TopBarModel
    public var cardholderTitle: String
    /// Only the rows in the visible window, so drawing cost follows the screen, not the card count.
    public var rows: [CardRowModel]
    /// Index of `rows[0]` in the whole (filtered, sorted) list.
    public var rowOffset: Int
    /// How many cards the whole (filtered, sorted) list has.
    public var totalRows: Int
    /// Index into `rows` of the selected card, if it is visible.
    public var selectedRow: Int?
    public var detail: [DetailLineModel]
    public var filter: FilterModel?
    public var hints: [KeyHintModel]
    public var flash: FlashModel?
    public var modal: ModalModel?
    /// Shown instead of the list when the cardholder has no known cards, or none is open.
    public var emptyMessage: String?
    /// The `:` command line being typed (without the colon), drawn on the status line.
    public var commandLine: String?
    /// The theme `:theme` asked for, for the front to load; `nil` keeps the one it started with.
    public var themeName: String?

    public init(topBar: TopBarModel, cardholderTitle: String = "", rows: [CardRowModel] = [], rowOffset: Int = 0,
                totalRows: Int? = nil, selectedRow: Int? = nil,
                detail: [DetailLineModel] = [], filter: FilterModel? = nil, hints: [KeyHintModel] = [],
                flash: FlashModel? = nil, modal: ModalModel? = nil, emptyMessage: String? = nil, commandLine: String? = nil,
                themeName: String? = nil) {
        self.commandLine = commandLine
        self.themeName = themeName
        self.topBar = topBar
        self.cardholderTitle = cardholderTitle
        self.rows = rows
        self.rowOffset = rowOffset
        self.totalRows = totalRows ?? rows.count
        self.selectedRow = selectedRow
        self.detail = detail
        self.filter = filter
        self.hints = hints
        self.flash = flash
        self.modal = modal
        self.emptyMessage = emptyMessage
    }
}

/// The top bar: product, environment badge, operator, cardholder, ticket, connectivity, activity.
public struct TopBarModel: Sendable, Equatable {
    public var product: String
    /// `SANDBOX`, `TEST`, `PRODUCTION` or `CUSTOM`.
    public var environment: String
    /// Production must be unmistakable (drawn with the `badge.production` role).
    public var isProduction: Bool
    public var operatorName: String
    public var cardholder: String?
    public var ticket: String?
    public var isOnline: Bool
    /// Calls in flight; the front shows a spinner while > 0.
    public var inFlight: Int
    public var readOnly: Bool
    /// When MusePay last answered (`12:03:04`, UTC); `nil` before the first answer.
    public var lastContact: String?
    /// `retrying 2/3` while the client retries a call.
    public var retrying: String?
    /// Who else has the cardholder open (team store).
    public var viewers: [String] = []
    /// Requests this approver can decide now; the badge shows while above zero.
    public var approvals = 0
    /// A team profile turned four-eyes off: unlocks of sensitive locks need no second person.
    public var fourEyesOff = false
    /// The team store cannot be reached: nothing can change.
    public var teamStoreStale = false
    /// Cards marked (`3 marked`); lock, unlock and refresh act on them.
    public var marked: Int

    public init(product: String = "MuseCard", environment: String, isProduction: Bool, operatorName: String,
                cardholder: String? = nil, ticket: String? = nil, isOnline: Bool = true, inFlight: Int = 0, readOnly: Bool = false,
                lastContact: String? = nil, retrying: String? = nil, viewers: [String] = [], approvals: Int = 0,
                fourEyesOff: Bool = false, teamStoreStale: Bool = false, marked: Int = 0) {
        self.viewers = viewers
        self.approvals = approvals
        self.fourEyesOff = fourEyesOff
        self.teamStoreStale = teamStoreStale
        self.marked = marked
        self.lastContact = lastContact
        self.retrying = retrying
        self.product = product
        self.environment = environment
        self.isProduction = isProduction
        self.operatorName = operatorName
        self.cardholder = cardholder
        self.ticket = ticket
        self.isOnline = isOnline
        self.inFlight = inFlight
        self.readOnly = readOnly
    }
}

/// One card in the list. Every text is sanitised; `statusRole` names the theme role.
public struct CardRowModel: Sendable, Equatable {
    public enum Marker: String, Sendable, Equatable {
        /// `busy`: someone else's change to the card is in flight (team store).
        case none, loading, failed, stale, busy
    }

    public var cardId: String
    public var status: String
    /// Theme role such as `status.active`, `status.locked`, `status.canceled`, `status.unknown`.
    public var statusRole: String
    public var last4: String
    public var type: String
    public var network: String
    public var currency: String
    public var balance: String
    public var dailyLimit: String
    public var embossedName: String
    /// Age of the data, e.g. `12s`, `5m`, `3h`, or `—` when never fetched.
    public var age: String
    public var marker: Marker
    /// Marked for lock, unlock or refresh of the marked cards.
    public var isMarked: Bool

    public init(cardId: String, status: String, statusRole: String, last4: String = "", type: String = "", network: String = "",
                currency: String = "", balance: String = "", dailyLimit: String = "", embossedName: String = "",
                age: String = "—", marker: Marker = .none, isMarked: Bool = false) {
        self.isMarked = isMarked
        self.cardId = cardId
        self.status = status
        self.statusRole = statusRole
        self.last4 = last4
        self.type = type
        self.network = network
        self.currency = currency
        self.balance = balance
        self.dailyLimit = dailyLimit
        self.embossedName = embossedName
        self.age = age
        self.marker = marker
    }
}

/// One line of the detail pane: a label and its value, or a section heading when `label` is empty.
public struct DetailLineModel: Sendable, Equatable {
    public var label: String
    public var value: String
    /// Optional theme role for the value (e.g. `status.locked`, `text.error`, `text.dim`).
    public var role: String?

    public init(label: String, value: String, role: String? = nil) {
        self.label = label
        self.value = value
        self.role = role
    }
}

/// The list filter: what is typed, and whether keys currently go into it.
public struct FilterModel: Sendable, Equatable {
    public var text: String
    public var isEditing: Bool
    public var matchCount: Int

    public init(text: String, isEditing: Bool, matchCount: Int) {
        self.text = text
        self.isEditing = isEditing
        self.matchCount = matchCount
    }
}

/// A key hint in the footer, e.g. `l lock`.
public struct KeyHintModel: Sendable, Equatable {
    public var key: String
    public var label: String

    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
}

/// The flash line: the last result.
public struct FlashModel: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case info, success, error }
    public var text: String
    public var kind: Kind

    public init(text: String, kind: Kind) {
        self.text = text
        self.kind = kind
    }
}
