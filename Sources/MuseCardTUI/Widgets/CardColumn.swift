import MuseCardViewModel

/// One column of the card list: title, width, importance and how to read it from a row.
struct CardColumn: Sendable {
    let title: String
    /// Columns the column takes (the name column takes what is left, at least this).
    var width: Int
    /// Lower numbers are dropped first on narrow terminals.
    let priority: Int
    let alignRight: Bool
    let isFlexible: Bool
    /// The status column: sized to the visible states and drawn in the status's own role.
    var isStatus = false
    let value: @Sendable (CardRowModel) -> String

    /// Every column, in display order.
    static let all: [CardColumn] = [
        CardColumn(title: "STATUS", width: 9, priority: 10, alignRight: false, isFlexible: false, isStatus: true) { $0.status },
        CardColumn(title: "LAST4", width: 5, priority: 9, alignRight: false, isFlexible: false) { $0.last4 },
        CardColumn(title: "TYPE", width: 8, priority: 3, alignRight: false, isFlexible: false) { $0.type },
        CardColumn(title: "NETWORK", width: 10, priority: 1, alignRight: false, isFlexible: false) { $0.network },
        CardColumn(title: "CUR", width: 3, priority: 4, alignRight: false, isFlexible: false) { $0.currency },
        CardColumn(title: "BALANCE", width: 11, priority: 8, alignRight: true, isFlexible: false) { $0.balance },
        CardColumn(title: "DAILY LIMIT", width: 11, priority: 2, alignRight: true, isFlexible: false) { $0.dailyLimit },
        CardColumn(title: "NAME", width: 12, priority: 7, alignRight: false, isFlexible: true) { $0.embossedName },
        CardColumn(title: "AGE", width: 4, priority: 5, alignRight: true, isFlexible: false) { $0.age },
    ]

    /// Columns that fit `width` (after the marker), less important ones dropped first, with
    /// the flexible name column widened to use the rest.
    /// `statusWidth` is the widest status among the visible rows, so long states such as
    /// `PENDING_ACTIVE` stay readable when there is room.
    static func fitting(_ width: Int, statusWidth: Int) -> [(column: CardColumn, width: Int)] {
        var kept = all.map { column in
            var column = column
            if column.isStatus { column.width = min(16, max(6, statusWidth)) }
            return column
        }
        func needed(_ columns: [CardColumn]) -> Int {
            columns.reduce(0) { $0 + $1.width } + max(0, columns.count - 1)
        }
        while needed(kept) > width, kept.count > 1,
              let weakest = kept.min(by: { $0.priority < $1.priority }) {
            kept.removeAll { $0.title == weakest.title }
        }
        if needed(kept) > width, let only = kept.first { return [(only, max(0, width))] }
        let spare = max(0, width - needed(kept))
        return kept.map { ($0, $0.width + ($0.isFlexible ? spare : 0)) }
    }
}
