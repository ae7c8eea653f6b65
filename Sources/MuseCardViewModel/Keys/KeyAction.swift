/// Everything a key can ask for; remapping in config.yaml uses these raw names.
public enum KeyAction: String, CaseIterable, Sendable {
    case moveDown = "move-down", moveUp = "move-up", first, last, pageDown = "page-down", pageUp = "page-up"
    case actionMenu = "action-menu"
    case lock, unlock, lockAll = "lock-all", activate, activatePhysical = "activate-physical"
    case updatePhone = "update-phone", changeLimit = "change-limit", changePIN = "change-pin"
    case replace, sensitiveInfo = "sensitive-info"
    case refresh, refreshAll = "refresh-all", history, transactions
    /// Marks the selected card, or every shown card; lock, unlock and refresh then act on the marked cards.
    case mark, markAll = "mark-all"
    case apply, addCard = "add-card", forgetCard = "forget-card", openCardholder = "open-cardholder"
    case filter, sort, togglePhone = "toggle-phone", help, quit, back, copy, commandLine = "command-line"
    /// In the transactions view: cycle its status, type and date-range filters.
    case transactionsStatus = "transactions-status", transactionsType = "transactions-type", transactionsDates = "transactions-dates"
    /// A team store's requests waiting for a second person's approval; in that list: approve or deny one.
    case approvals, approveRequest = "approve", denyRequest = "deny"

    /// Card actions the action menu lists, in menu order.
    public static let menuOrder: [KeyAction] = [
        .lock, .unlock, .activate, .activatePhysical, .updatePhone, .changeLimit, .changePIN,
        .replace, .sensitiveInfo, .refresh, .history, .transactions, .lockAll, .apply, .addCard, .forgetCard,
    ]
}

/// One binding of the key table: keys, label, and how careful the console must be.
public struct KeyBinding: Sendable, Equatable {
    public enum Section: String, Sendable, CaseIterable {
        case navigation = "Move", card = "Card", cardholder = "Cardholder", view = "View", transactions = "Transactions view"
        case approvals = "Approvals list"
    }

    public var action: KeyAction
    public var keys: [String]
    public var label: String
    public var section: Section
    /// Needs a confirmation whose default is Cancel.
    public var isDangerous: Bool
    /// Changes something at the service; read-only mode and offline remove or disable it.
    public var isMutating: Bool
    /// Shown in the footer when available.
    public var inHints: Bool
    /// What the action does while cards are marked (it then acts on them); `nil`: marks change nothing.
    public var onMarked: String?

    public init(_ action: KeyAction, _ keys: [String], _ label: String, _ section: Section,
                dangerous: Bool = false, mutating: Bool = false, hint: Bool = false, onMarked: String? = nil) {
        self.action = action
        self.keys = keys
        self.label = label
        self.section = section
        self.isDangerous = dangerous
        self.isMutating = mutating
        self.inHints = hint
        self.onMarked = onMarked
    }
}
