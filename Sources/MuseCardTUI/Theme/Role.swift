/// Names of the theme roles widgets draw with; colours are never literals in widgets.
public enum Role {
    public static let statusActive = "status.active"
    public static let statusLocked = "status.locked"
    public static let statusPending = "status.pending"
    public static let statusCanceled = "status.canceled"
    public static let statusSuspended = "status.suspended"
    public static let statusUnknown = "status.unknown"
    public static let listSelected = "list.selected"
    public static let listHeader = "list.header"
    public static let badgeSandbox = "badge.sandbox"
    public static let badgeTest = "badge.test"
    public static let badgeProduction = "badge.production"
    public static let flashSuccess = "flash.success"
    public static let flashError = "flash.error"
    public static let flashInfo = "flash.info"
    public static let menuDisabled = "menu.disabled"
    public static let menuSelected = "menu.selected"
    public static let dialogBorder = "dialog.border"
    public static let dialogDanger = "dialog.danger"
    public static let dim = "text.dim"
    public static let error = "text.error"
    public static let normal = "text.normal"
    public static let topBar = "topbar"
    public static let hintsKey = "hints.key"
    /// A declined or failed transaction (its row also carries a ✗ marker, for no-colour themes).
    public static let txnDeclined = "txn.declined"

    /// Every role a theme may set.
    public static let all: [String] = [
        statusActive, statusLocked, statusPending, statusCanceled, statusSuspended, statusUnknown,
        listSelected, listHeader, badgeSandbox, badgeTest, badgeProduction, flashSuccess, flashError,
        flashInfo, menuDisabled, menuSelected, dialogBorder, dialogDanger, dim, error, normal, topBar, hintsKey,
        txnDeclined,
    ]

    /// The role to draw with for a name from the model: known roles as is, unknown status
    /// roles as `status.unknown`, anything else as normal text.
    public static func resolve(_ name: String) -> String {
        if all.contains(name) { return name }
        return name.hasPrefix("status.") ? statusUnknown : normal
    }
}
