import Foundation

/// Focus, selection, filter, sort, the open modal and the flash line.
public struct ConsoleUI: Sendable, Equatable {
    /// The longest filter text.
    public static let maxFilterLength = 64

    public var selectedCardId: String? {
        didSet { if selectedCardId != oldValue { selectionHint = IndexHint() } }
    }
    /// Where the selected card sat in the card list when last seen, to skip a search per frame.
    var selectionHint = IndexHint()
    public var filterText = ""
    public var isEditingFilter = false
    public var sort: SortOrder = .added
    public var modal: Modal?
    public var flash: Flash?
    public var isPhoneRevealed = false
    /// Marked cards of the open cardholder (`space`, `*`): lock, unlock and refresh act on them.
    public var marked: Set<String> = []
    /// Card rows that fit on screen; the front reports it.
    public var listHeight = 10
    /// Index of the first visible row.
    public var scrollOffset = 0
    /// The front shows "terminal too small" instead of the console: only quit is honoured.
    public var isTerminalTooSmall = false
    public var exitRequested = false
    /// The agent chose to wait for calls in flight: quit once the last one is recorded.
    public var quitWhenIdle = false
    /// The form whose operation is in flight: reopened with the reason if it is refused or not sent.
    public var sentForm: FormState?
    /// Cards an `r`, `R` or `+` asked for, so the flash says when they are all answered.
    public var refreshWatch: RefreshWatch?
    /// The `:` command line while it is open.
    public var commandLine: CommandLineState?
    /// Command lines run in this session, oldest first (Up walks back).
    public var commandHistory: [String] = []
    /// The theme `:theme` asked for; the front loads it (and says so on the flash line).
    public var themeName: String?

    public init() {}
}

/// How the card list is ordered; `s` cycles through them.
public enum SortOrder: String, Sendable, CaseIterable {
    case added, status, last4, age

    public var label: String {
        switch self {
        case .added: return "as added"
        case .status: return "by status"
        case .last4: return "by last 4"
        case .age: return "by data age"
        }
    }

    public var next: SortOrder {
        let all = SortOrder.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }
}

/// The last result, shown on the flash line.
public struct Flash: Sendable, Equatable {
    public enum Kind: String, Sendable { case info, success, error }
    public var text: String
    public var kind: Kind

    public init(_ text: String, _ kind: Kind) {
        self.text = text
        self.kind = kind
    }
}

/// A remembered number (an index, a count) kept beside the state as a cache: never part of state equality.
struct IndexHint: Sendable, Equatable {
    var value: Int?

    static func == (lhs: IndexHint, rhs: IndexHint) -> Bool { true }
}

/// Refreshes the agent asked for by hand and are not answered yet; the flash reports them once.
public struct RefreshWatch: Sendable, Equatable {
    /// `Refreshed` or `Added`.
    public var verb: String
    public var total: Int
    public var waiting: Set<String>
    public var failed: [String] = []

    public init(verb: String, cardIds: [String]) {
        self.verb = verb
        self.total = cardIds.count
        self.waiting = Set(cardIds)
    }
}
