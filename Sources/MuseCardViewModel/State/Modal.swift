import MuseCardKit
import MuseCardOperations
import MuseCardStore

/// The popup that owns the keyboard while it is open.
public enum Modal: Sendable, Equatable {
    /// The action menu for the selected card; `selected` indexes `ActionMenu.entries`.
    case menu(selected: Int)
    case confirm(Confirmation)
    case form(FormState)
    case help
    case picker(PickerState)
    /// The one-time card data link, shown once and gone when closed; never logged or stored.
    case secretLink(cardId: String, url: SecretURL, expiry: String?)
    /// The selected card's history from the audit trail.
    case history(HistoryState)
    /// The selected card's transactions, a page at a time.
    case transactions(TransactionsState)
    /// Requests waiting for a second person's approval (team store).
    case approvals(ApprovalsState)
}

extension Modal {
    /// Popups that show an id or a link worth copying (`y`).
    var hasCopyableValue: Bool {
        switch self {
        case .secretLink, .history, .transactions: return true
        default: return false
        }
    }
}

/// A question whose default answer is Cancel, and the command run on yes.
public struct Confirmation: Sendable, Equatable {
    public var title: String
    public var message: [String]
    public var confirmLabel: String
    /// The safe answer, focused first: `Cancel`, or `Wait` when quitting with calls in flight.
    public var cancelLabel: String
    public var confirmFocused = false
    public var command: ConfirmedCommand
    /// The form this question came from: Cancel goes back to it, values kept.
    public var form: FormState?
    /// The approvals list this question came from: Cancel goes back to it.
    public var approvals: ApprovalsState?

    public init(title: String, message: [String], confirmLabel: String, cancelLabel: String = "Cancel", command: ConfirmedCommand) {
        self.title = title
        self.message = message
        self.confirmLabel = confirmLabel
        self.cancelLabel = cancelLabel
        self.command = command
    }
}

/// The cardholder picker: a list of known cardholders and a typed user id.
public struct PickerState: Sendable, Equatable {
    /// The longest user id the picker takes.
    public static let maxInputLength = 64

    public var selected = 0
    /// A user id being typed; when empty, Enter opens the selected entry.
    public var input = ""
    public var error: String?
    /// True until the known cardholders have been read for this picker.
    public var isLoading = true
    /// What the last search found for `searched`; `nil` before any search (the known list shows).
    public var results: [CardholderMatch]?
    /// The text the results are for: Enter opens the selected result while the input still reads so.
    public var searched: String?
    public var isSearching = false

    public init() {}
}
