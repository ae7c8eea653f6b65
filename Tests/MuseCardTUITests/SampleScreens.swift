import MuseCardKit
import Foundation
import MuseCardViewModel

/// Hand-built frames: a realistic cardholder with five cards, one with a CJK name, one whose
/// name came with escape sequences (already sanitised), one in an unknown status.
enum SampleScreens {
    /// A fixed clock so spinner frames and anything time-based are stable.
    static let now = Date(timeIntervalSinceReferenceDate: 800_000_000)

    static let topBar = TopBarModel(environment: "SANDBOX", isProduction: false, operatorName: "alice",
                                    cardholder: "U-1001 Zhang Wei", ticket: "SUP-4711", isOnline: true, inFlight: 1)

    static let rows: [CardRowModel] = [
        CardRowModel(cardId: "C-1", status: "ACTIVE", statusRole: "status.active", last4: "4242", type: "VIRTUAL",
                     network: "VISA", currency: "USD", balance: "1,204.50", dailyLimit: "5,000.00",
                     embossedName: "ZHANG WEI", age: "12s"),
        CardRowModel(cardId: "C-2", status: "LOCKED", statusRole: "status.locked", last4: "0005", type: "PHYSICAL",
                     network: "MASTERCARD", currency: "USD", balance: "88.00", dailyLimit: "1,000.00",
                     embossedName: "张伟", age: "5m"),
        CardRowModel(cardId: "C-3", status: "PENDING", statusRole: "status.pending", last4: "7781", type: "VIRTUAL",
                     network: "VISA", currency: "EUR", balance: "0.00", dailyLimit: "500.00",
                     embossedName: ServiceText.sanitize("EVIL\u{1B}[2J\u{1B}]0;pwned\u{07}"), age: "3h", marker: .loading),
        CardRowModel(cardId: "C-4", status: "FROZEN_BY_RISK", statusRole: "status.frozen", last4: "3141", type: "VIRTUAL",
                     network: "UNIONPAY", currency: "CNY", balance: "12.00", dailyLimit: "200.00",
                     embossedName: "WEI ZHANG", age: "2d", marker: .stale),
        CardRowModel(cardId: "C-5", status: "CANCELED", statusRole: "status.canceled", last4: "9999", type: "PHYSICAL",
                     network: "VISA", currency: "USD", balance: "0.00", dailyLimit: "0.00",
                     embossedName: "ZHANG W", age: "—", marker: .failed),
    ]

    static let detail: [DetailLineModel] = [
        DetailLineModel(label: "", value: "Card C-2 ••0005"),
        DetailLineModel(label: "Status", value: "LOCKED", role: "status.locked"),
        DetailLineModel(label: "Type", value: "PHYSICAL MASTERCARD"),
        DetailLineModel(label: "Name", value: "张伟"),
        DetailLineModel(label: "Balance", value: "88.00 USD"),
        DetailLineModel(label: "Daily limit", value: "1,000.00 USD"),
        DetailLineModel(label: "", value: "Last fetch"),
        DetailLineModel(label: "Fetched", value: "5m ago", role: "text.dim"),
        DetailLineModel(label: "Error", value: "timeout after 10s talking to the sandbox", role: "text.error"),
    ]

    static let hints: [KeyHintModel] = [
        KeyHintModel(key: "j/k", label: "move"), KeyHintModel(key: "l", label: "lock"), KeyHintModel(key: "u", label: "unlock"),
        KeyHintModel(key: "enter", label: "actions"), KeyHintModel(key: "/", label: "filter"), KeyHintModel(key: "r", label: "refresh"),
        KeyHintModel(key: "?", label: "help"), KeyHintModel(key: "q", label: "quit"),
    ]

    static func main(modal: ModalModel? = nil, flash: FlashModel? = FlashModel(text: "Card ••0005 locked", kind: .success),
                     filter: FilterModel? = nil, topBar: TopBarModel = topBar) -> ScreenModel {
        ScreenModel(topBar: topBar, cardholderTitle: "Zhang Wei (U-1001)", rows: rows, rowOffset: 0, totalRows: 5,
                    selectedRow: 1, detail: detail, filter: filter, hints: hints, flash: flash, modal: modal)
    }

    static let menu = MenuModel(title: "Card ••0005", items: [
        .init(key: "u", label: "Unlock card", isEnabled: true),
        .init(key: "l", label: "Lock card", isEnabled: false, reason: "the card is already locked", isDangerous: true),
        .init(key: "a", label: "Activate", isEnabled: false, reason: "only cards pending activation"),
        .init(key: "L", label: "Change daily limit", isEnabled: true),
        .init(key: "P", label: "Change PIN", isEnabled: false, reason: "read-only session"),
        .init(key: "x", label: "Cancel card", isEnabled: true, isDangerous: true),
    ], selected: 0)

    static let confirm = ConfirmModel(title: "Lock card ••4242?", message: [
        "ZHANG WEI's VIRTUAL VISA card will be declined everywhere until it is unlocked.",
        "Ticket SUP-4711 will be recorded in the audit log.",
    ], confirmLabel: "Lock")

    static let form = FormModel(title: "Change daily limit ••4242", fields: [
        .init(label: "Daily limit", value: "12abc", hint: nil, error: "daily_purchase_limit must be a decimal amount"),
        .init(label: "Currency", value: "USD", choices: ["USD", "EUR"]),
        .init(label: "PIN", value: "••••", hint: "4 to 6 digits"),
    ], focused: 0, submitLabel: "Change", error: "The service refused: 5004 USER_STATUS_INVALID")

    static let help = HelpModel(sections: [
        .init(title: "Moving", entries: [.init(key: "j / down", label: "next card"), .init(key: "k / up", label: "previous card"),
                                         .init(key: "g / home", label: "first card"), .init(key: "G / end", label: "last card")]),
        .init(title: "Card actions", entries: [.init(key: "l", label: "lock"), .init(key: "u", label: "unlock"),
                                               .init(key: "L", label: "daily limit"), .init(key: "enter", label: "all actions")]),
        .init(title: "Session", entries: [.init(key: "/", label: "filter"), .init(key: "o", label: "open cardholder"),
                                          .init(key: "?", label: "this help"), .init(key: "q", label: "quit")]),
    ])

    static let picker = PickerModel(title: "Open cardholder", entries: [
        .init(userId: "U-1001", label: "Zhang Wei", detail: "5 cards, seen 5m ago"),
        .init(userId: "U-1002", label: "张伟", detail: "2 cards, seen 1d ago"),
        .init(userId: "U-2040", label: "Maria Souza", detail: "1 card"),
    ], selected: 1)
}
