import Foundation
import MuseCardViewModel
import Synchronization

/// A self-contained screen source that shows every role of a theme on made-up cards, for
/// `musecard tui --theme-preview`: j/k move, ? help, m menu, q quits. No network, no state.
public final class ThemePreview: ScreenSource, Sendable {
    private struct State {
        /// Bumped by every key, so it is also the number of keys pressed.
        var version = 0
        var selected = 0
        var modal: ModalModel?
        var quit = false
        var tooSmall = false
    }

    private let state = Mutex(State())
    private let themeName: String

    public init(themeName: String) { self.themeName = themeName }

    public func send(key: String) {
        state.withLock { state in
            state.version += 1
            if state.tooSmall {
                state.quit = state.quit || key == "q"
                return
            }
            if state.modal != nil {
                if key == "esc" || key == "?" || key == "q" || key == "enter" { state.modal = nil }
                return
            }
            switch key {
            case "j", "down": state.selected = min(state.selected + 1, ThemePreview.rows.count - 1)
            case "k", "up": state.selected = max(state.selected - 1, 0)
            case "?": state.modal = .help(ThemePreview.help)
            case "m", "enter": state.modal = .menu(ThemePreview.menu)
            case "q": state.quit = true
            default: break
            }
        }
    }

    /// The preview has no text input: a paste is ignored.
    public func send(paste text: String) {}

    public func terminalTooSmall(_ tooSmall: Bool) {
        state.withLock { $0.tooSmall = tooSmall }
    }

    public var version: Int { state.withLock { $0.version } }
    public var exitRequested: Bool { state.withLock { $0.quit } }

    public func screen(now: Date, listHeight: Int) -> ScreenModel {
        let (selected, modal) = state.withLock { ($0.selected, $0.modal) }
        let rows = Array(ThemePreview.rows.prefix(max(0, listHeight)))
        let row = ThemePreview.rows[selected]
        return ScreenModel(
            topBar: TopBarModel(environment: "SANDBOX", isProduction: false, operatorName: "preview",
                                cardholder: "PREVIEW 张伟", ticket: "theme \(themeName)"),
            cardholderTitle: "Theme preview: \(themeName)", rows: rows, totalRows: ThemePreview.rows.count,
            selectedRow: selected < rows.count ? selected : nil,
            detail: [
                DetailLineModel(label: "", value: "Card ••\(row.last4)"),
                DetailLineModel(label: "Status", value: row.status, role: row.statusRole),
                DetailLineModel(label: "Name", value: row.embossedName),
                DetailLineModel(label: "Dim", value: "text.dim", role: Role.dim),
                DetailLineModel(label: "Error", value: "text.error", role: Role.error),
            ],
            hints: [KeyHintModel(key: "j/k", label: "move"), KeyHintModel(key: "m", label: "menu"),
                    KeyHintModel(key: "?", label: "help"), KeyHintModel(key: "q", label: "quit")],
            flash: FlashModel(text: "Preview only: nothing is sent anywhere", kind: .info),
            modal: modal)
    }

    public func summaryText(now: Date) -> String {
        "Theme preview \(themeName): \(state.withLock { $0.version }) keys, nothing was sent."
    }

    static let rows: [CardRowModel] = [
        // The words the console shows: the service's statuses as they come.
        ("ACTIVE", Role.statusActive, "4242", "ZHANG WEI"), ("LOCK", Role.statusLocked, "0005", "张伟"),
        ("PENDING_ACTIVE", Role.statusPending, "7781", "EVIL␛[2J"), ("SUSPENDED", Role.statusSuspended, "1234", "MARIA SOUZA"),
        ("CANCELED", Role.statusCanceled, "9999", "ZHANG W"), ("FROZEN", Role.statusUnknown, "3141", "WEI ZHANG"),
    ].enumerated().map { index, item in
        CardRowModel(cardId: "P-\(index)", status: item.0, statusRole: item.1, last4: item.2, type: index.isMultiple(of: 2) ? "Virtual" : "Physical",
                     network: "VISA", currency: "USD", balance: "\(index * 100).00", dailyLimit: "5,000.00",
                     embossedName: item.3, age: "\(index + 1)m")
    }

    static let menu = MenuModel(title: "Preview menu", items: [
        .init(key: "u", label: "Enabled item", isEnabled: true),
        .init(key: "l", label: "Disabled item", isEnabled: false, reason: "menu.disabled with its reason"),
        .init(key: "x", label: "Dangerous item", isEnabled: true, isDangerous: true),
    ], selected: 0)

    static let help = HelpModel(sections: [
        .init(title: "Preview", entries: [.init(key: "j/k", label: "move"), .init(key: "m", label: "menu"),
                                          .init(key: "?", label: "help"), .init(key: "q", label: "quit")]),
    ])
}
