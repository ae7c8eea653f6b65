/// A mapping from role names to styles; roles a theme leaves unset use the built-in default.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [String: Style]
    /// True when the theme uses no colours at all (NO_COLOR, `--no-color`, `mono`).
    public var isMonochrome: Bool

    public init(name: String, styles: [String: Style], isMonochrome: Bool = false) {
        self.name = name
        self.styles = styles
        self.isMonochrome = isMonochrome
    }

    /// The style for a role (unknown roles resolve as `Role.resolve` does).
    public func style(for role: String) -> Style {
        let resolved = Role.resolve(role)
        let style = styles[resolved] ?? Theme.builtIn.styles[resolved] ?? Style()
        return isMonochrome ? style.withoutColor : style
    }

    /// `overrides` on top of the built-in default.
    public static func withDefaults(name: String, overrides: [String: Style]) -> Theme {
        Theme(name: name, styles: builtIn.styles.merging(overrides) { $1 })
    }

    /// The theme used when none is chosen (`themes/default.yaml` says the same).
    public static let builtIn: Theme = {
        let grey = ThemeColor.indexed(244, fallback: 7)
        return Theme(name: "default", styles: [
            Role.statusActive: Style(fg: .basic(2), bold: true),
            Role.statusLocked: Style(fg: .basic(3), bold: true),
            Role.statusPending: Style(fg: .basic(6)),
            Role.statusCanceled: Style(fg: .basic(1)),
            Role.statusSuspended: Style(fg: .basic(5)),
            Role.statusUnknown: Style(fg: .basic(5), underline: true),
            Role.listSelected: Style(reverse: true),
            Role.listHeader: Style(bold: true, underline: true),
            Role.badgeSandbox: Style(fg: .basic(0), bg: .basic(2), bold: true),
            Role.badgeTest: Style(fg: .basic(0), bg: .basic(3), bold: true),
            Role.badgeProduction: Style(fg: .basic(7), bg: .basic(1), bold: true),
            Role.flashSuccess: Style(fg: .basic(2), bold: true),
            Role.flashError: Style(fg: .basic(1), bold: true),
            Role.flashInfo: Style(fg: .basic(6)),
            Role.menuDisabled: Style(fg: grey),
            Role.menuSelected: Style(reverse: true),
            Role.dialogBorder: Style(fg: .basic(6)),
            Role.dialogDanger: Style(fg: .basic(1), bold: true),
            Role.dim: Style(fg: grey),
            Role.error: Style(fg: .basic(1)),
            Role.normal: Style(),
            Role.topBar: Style(fg: .basic(7), bg: .basic(4)),
            Role.hintsKey: Style(fg: .basic(6), bold: true),
            Role.txnDeclined: Style(fg: .basic(1), bold: true),
        ])
    }()

    /// No colours, only attributes: status stays readable because its text is always drawn.
    public static let monochrome = Theme(name: "mono", styles: [
        Role.statusActive: Style(),
        Role.statusLocked: Style(bold: true),
        Role.statusPending: Style(),
        Role.statusCanceled: Style(),
        Role.statusSuspended: Style(bold: true),
        Role.statusUnknown: Style(underline: true),
        Role.listSelected: Style(reverse: true),
        Role.listHeader: Style(bold: true, underline: true),
        Role.badgeSandbox: Style(bold: true),
        Role.badgeTest: Style(bold: true),
        Role.badgeProduction: Style(bold: true, reverse: true),
        Role.flashSuccess: Style(bold: true),
        Role.flashError: Style(bold: true, underline: true),
        Role.flashInfo: Style(),
        Role.menuDisabled: Style(),
        Role.menuSelected: Style(reverse: true),
        Role.dialogBorder: Style(),
        Role.dialogDanger: Style(bold: true),
        Role.dim: Style(),
        Role.error: Style(bold: true),
        Role.normal: Style(),
        Role.topBar: Style(underline: true),
        Role.hintsKey: Style(bold: true),
        Role.txnDeclined: Style(bold: true, underline: true),
    ], isMonochrome: true)
}
