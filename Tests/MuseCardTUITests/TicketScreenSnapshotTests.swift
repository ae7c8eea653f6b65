import Foundation
import MuseCardTUI
import MuseCardViewModel
import Testing

/// The ticket popups (history, transactions) drawn from hand-built tables, as text snapshots.
struct TicketScreenSnapshotTests {
    static let history = TableModel(
        title: "History — VC1000000001",
        header: ["TIME (UTC)", "OPERATOR", "TICKET", "OPERATION", "VALUES", "REASON", "OUTCOME"],
        rows: [
            .init(cells: ["12:40", "anna", "SUP-1", "unlock", "", "-", "unknown — check the card"], role: "text.error"),
            .init(cells: ["12:03", "anna", "SUP-1", "lock", "card_status=LOCK", "FRAUD_SUSPECTED: skimmed at a fuel station", "applied"]),
            .init(cells: ["2026-11-20 09:12", "bob", "-", "change-limit", "daily_purchase_limit=800", "-", "applied"]),
        ],
        selected: 1, footer: "3 operations, newest first")

    static let transactions = TableModel(
        title: "Transactions — VC1000000001",
        header: ["TIME", "TYPE", "STATUS", "AMOUNT", "MERCHANT"],
        rows: [
            .init(cells: ["2026-11-24 18:02", "CHARGE", "✗ DECLINED", "-89.90 EUR", "Elektro Müller"], role: "txn.declined"),
            .init(cells: ["2026-11-24 09:15", "CHARGE", "POSTED", "-3.20 EUR", "Bäckerei Körner"]),
            .init(cells: ["2026-11-23 12:00", "TOP_UP", "POSTED", "500.00 EUR", ""]),
        ],
        selected: 1, footer: "3 transactions, newest first   ⏎ details  esc close")

    func render(_ table: TableModel, _ size: Size) -> TextCanvas {
        let canvas = TextCanvas(columns: size.columns, rows: size.rows)
        ScreenRenderer.draw(SampleScreens.main(modal: .table(table)), on: canvas, now: SampleScreens.now)
        return canvas
    }

    @Test func historyTable() {
        for size in ScreenSnapshotTests.sizes {
            Snapshot.check(render(Self.history, size).text, named: "history-\(size.columns)x\(size.rows)")
        }
    }

    @Test func transactionsTableMarksTheDeclinedOne() {
        for size in ScreenSnapshotTests.sizes {
            Snapshot.check(render(Self.transactions, size).text, named: "transactions-\(size.columns)x\(size.rows)")
        }
        let canvas = render(Self.transactions, Size(columns: 80, rows: 24))
        #expect(canvas.role(of: "✗ DECLINED") == Role.txnDeclined)
        #expect(canvas.role(of: "Bäckerei") == Role.menuSelected)
    }

    @Test func aLoadingTableShowsItsPlaceholder() {
        var table = Self.history
        table.rows = []
        table.placeholder = "Reading the audit trail…"
        let canvas = render(table, Size(columns: 80, rows: 24))
        #expect(canvas.text.contains("Reading the audit trail…"))
        #expect(canvas.text.contains("TIME (UTC)"))
    }

    @Test func theTopBarSaysWhenMusePayLastAnswered() {
        func bar(_ model: TopBarModel, columns: Int) -> String {
            let canvas = TextCanvas(columns: columns, rows: 1)
            TopBar.draw(model, on: canvas, in: Rect(row: 0, col: 0, width: columns, height: 1), now: SampleScreens.now)
            return canvas.text
        }
        var model = SampleScreens.topBar
        model.inFlight = 0
        model.lastContact = "12:03:04"
        #expect(bar(model, columns: 120).contains("● online 12:03:04"))
        #expect(!bar(model, columns: 80).contains("12:03:04"), "a narrow bar keeps the room for the cardholder")
        model.isOnline = false
        #expect(bar(model, columns: 80).contains("○ OFFLINE (last answer 12:03:04)"))
    }
}
