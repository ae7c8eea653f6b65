import Foundation
import MuseCardKit
import MuseCardOperations
@testable import MuseCardViewModel
import Testing

/// `t`: a card's transactions, 50 a page, the next page asked at the end; Enter shows one whole.
struct TransactionsReducerTests {
    typealias F = ConsoleFixtures

    /// Transactions as the service spells them; `n` makes ids and times distinct, newest first.
    static func transactions(_ range: Range<Int>, declined: Set<Int> = []) -> [Transaction] {
        let items: [JSONValue] = range.map { n in
            .object(["detailId": .string("D\(n)"), "txAmount": .number("-12.5"), "txCurrency": .string("EUR"),
                     "txCreatedAt": .string("2026-11-\(String(format: "%02d", 28 - n % 28))T10:00:00Z"),
                     "txStatus": .string(declined.contains(n) ? "DECLINED" : "POSTED"), "txType": .string("CHARGE"),
                     "merchant": .object(["name": .string("Bäckerei \(n)")])])
        }
        return TransactionPage(data: .object(["transactions": .array(items)])).transactions
    }

    @Test func tOpensTheFirstPageAndTheNextIsAskedAtTheEnd() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        #expect(h.keys("t") == [.loadTransactions(userId: "U1", cardId: "C1", page: 1)])
        var expected = F.opened([try F.entry("C1", .active)])
        expected.ui.modal = .transactions(TransactionsState(cardId: "C1"))
        #expect(h.state == expected)

        let first = Self.transactions(0..<50, declined: [1])
        #expect(h.send(.transactionsLoaded(userId: "U1", cardId: "C1", page: 1, .success(first))) == [])
        var list = TransactionsState(cardId: "C1")
        list.transactions = first
        list.pagesLoaded = 1
        list.isLoading = false
        expected.ui.modal = .transactions(list)
        #expect(h.state == expected)

        #expect(h.keys("j") == [], "not at the end yet")
        #expect(h.keys("G") == [.loadTransactions(userId: "U1", cardId: "C1", page: 2)])
        #expect(h.keys("j") == [], "asked once while loading")
        #expect(h.send(.transactionsLoaded(userId: "U1", cardId: "C1", page: 2, .success(Self.transactions(50..<53)))) == [])
        guard case .transactions(let loaded)? = h.state.ui.modal else { Issue.record("closed"); return }
        #expect(loaded.transactions.count == 53 && loaded.pagesLoaded == 2 && !loaded.hasMore && loaded.selected == 49)
        #expect(h.keys("G", "j") == [], "a short page was the last")
    }

    @Test func declinedTransactionsStandOutWithARoleAndAMarker() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys("t")
        h.send(.transactionsLoaded(userId: "U1", cardId: "C1", page: 1, .success(Self.transactions(0..<2, declined: [1]))))
        guard case .table(let table)? = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).modal else { Issue.record("no table"); return }
        #expect(table.rows == [
            TableModel.Row(cells: ["2026-11-28T10:00:00Z", "CHARGE", "POSTED", "-12.50 EUR", "", "Bäckerei 0", "", ""]),
            TableModel.Row(cells: ["2026-11-27T10:00:00Z", "CHARGE", "✗ DECLINED", "-12.50 EUR", "", "Bäckerei 1", "", ""], role: "txn.declined"),
        ])
        #expect(table.footer == "2 transactions, newest first   ⏎ details  f status  T type  D date range  esc close")

        h.keys("j", "enter")
        let screen = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10)
        #expect(screen.modal == .summary(title: "Transaction D1", lines: [
            "Detail id: D1", "Status: ✗ DECLINED", "Type: CHARGE", "Amount: -12.50 EUR", "Created: 2026-11-27T10:00:00Z", "Merchant: Bäckerei 1",
        ]))
        #expect(screen.hints.map(\.label) == ["copy id", "back to the list"])
        h.keys("esc")
        guard case .transactions(let list)? = h.state.ui.modal else { Issue.record("esc left the list"); return }
        #expect(list.detail == nil && list.selected == 1)
        h.keys("esc")
        #expect(h.state.ui.modal == nil)
    }

    @Test func aFailedPageSaysSoAndMovingDownAsksAgain() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys("t")
        h.send(.transactionsLoaded(userId: "U1", cardId: "C1", page: 1, .success(Self.transactions(0..<50))))
        h.keys("G")
        h.send(.transactionsLoaded(userId: "U1", cardId: "C1", page: 2, .failure(.transport(.connectionRefused))))
        #expect(h.state.data.offline)
        guard case .table(let table)? = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).modal else { Issue.record("no table"); return }
        #expect(table.footer.contains("next page failed: MusePay is unreachable: connection refused (move down to retry)"))
        #expect(h.keys("j") == [.loadTransactions(userId: "U1", cardId: "C1", page: 2)])
        #expect(h.send(.transactionsLoaded(userId: "U1", cardId: "C9", page: 2, .success([]))) == [])
        #expect(h.send(.transactionsLoaded(userId: "U1", cardId: "C1", page: 5, .success([]))) == [], "not the page asked for")
        guard case .transactions(let list)? = h.state.ui.modal else { Issue.record("closed"); return }
        #expect(list.isLoading && list.pagesLoaded == 1)
    }

    @Test func theAuthorisedAmountShowsWhenItDiffersAndEnterShowsEveryField() throws {
        let items: [JSONValue] = [
            .object(["detailId": .string("H1"), "txAmount": .number("80"), "txCurrency": .string("EUR"), "txCreatedAt": .string("1764064800000"),
                     "txStatus": .string("POSTED"), "txType": .string("CHARGE"), "orderNo": .string("O-9"),
                     "merchant": .object(["name": .string("Hotel Adlon"), "mcc": .string("7011"), "country": .string("DE"), "category": .string("lodging")]),
                     "authorization": .object(["amount": .number("230.00"), "currency": .string("EUR")])]),
            .object(["detailId": .string("S1"), "txAmount": .number("19.99"), "txCurrency": .string("EUR"), "txCreatedAt": .string("1764021600000"),
                     "txStatus": .string("DECLINED"), "txType": .string("CHARGE"), "declineReason": .string("INSUFFICIENT_FUNDS"),
                     "merchant": .object(["name": .string("Elektro\u{1B}[2J Müller"), "mcc": .string("5732"), "country": .string("DE")]),
                     "authorization": .object(["amount": .number("19.99"), "currency": .string("EUR")])]),
        ]
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys("t")
        h.send(.transactionsLoaded(userId: "U1", cardId: "C1", page: 1, .success(TransactionPage(data: .object(["transactions": .array(items)])).transactions)))
        guard case .table(let table)? = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).modal else { Issue.record("no table"); return }
        #expect(table.header == ["TIME (UTC)", "TYPE", "STATUS", "AMOUNT", "AUTHORISED", "MERCHANT", "MCC", "COUNTRY"])
        #expect(table.rows == [
            TableModel.Row(cells: ["2025-11-25 10:00", "CHARGE", "POSTED", "80.00 EUR", "230.00 EUR", "Hotel Adlon", "7011", "DE"]),
            TableModel.Row(cells: ["2025-11-24 22:00", "CHARGE", "✗ DECLINED", "19.99 EUR", "", "Elektro␛[2J Müller", "5732", "DE"], role: "txn.declined"),
        ])
        h.keys("j", "enter")
        #expect(ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).modal == .summary(title: "Transaction S1", lines: [
            "Detail id: S1", "Status: ✗ DECLINED", "Decline reason: INSUFFICIENT_FUNDS", "Type: CHARGE", "Amount: 19.99 EUR",
            "Created: 2025-11-24 22:00:00 UTC", "Merchant: Elektro␛[2J Müller", "MCC: 5732", "Country: DE",
        ]))
        h.keys("esc", "k", "enter")
        guard case .summary(_, let lines)? = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).modal else { Issue.record("no detail"); return }
        #expect(lines.contains("Authorised: 230.00 EUR") && lines.contains("Category: lodging") && lines.contains("orderNo: O-9"))
        #expect(h.keys("y") == [.copy(.plain("H1"), what: "transaction id H1")])
    }

    @Test func fFiltersByStatusFromTheFirstPage() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys("t")
        h.send(.transactionsLoaded(userId: "U1", cardId: "C1", page: 1, .success(Self.transactions(0..<50))))
        h.keys("j")
        #expect(h.keys("f") == [.loadTransactions(userId: "U1", cardId: "C1", page: 1, filters: TransactionFilters(status: "DECLINED"))])
        var expected = TransactionsState(cardId: "C1")
        expected.filters.status = "DECLINED"
        #expect(h.state.ui.modal == .transactions(expected))
        #expect(h.send(.transactionsLoaded(userId: "U1", cardId: "C1", page: 1, .success(Self.transactions(0..<3)))) == [],
                "an answer for all statuses is not the filtered list")
        h.send(.transactionsLoaded(userId: "U1", cardId: "C1", page: 1, .success(Self.transactions(0..<2, declined: [0, 1])), filters: TransactionFilters(status: "DECLINED")))
        guard case .table(let table)? = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).modal else { Issue.record("no table"); return }
        #expect(table.title == "Transactions — C1 (DECLINED only)" && table.rows.count == 2)
        #expect(h.keys("f", "f", "f") .last == .loadTransactions(userId: "U1", cardId: "C1", page: 1), "and back to all")
    }

    @Test func typeAndDateKeysFilterFromTheFirstPageAndTheTitleSaysSo() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys("t")
        h.send(.transactionsLoaded(userId: "U1", cardId: "C1", page: 1, .success(Self.transactions(0..<50))))
        h.keys("j")
        let charge = TransactionFilters(type: "CHARGE")
        #expect(h.keys("T") == [.loadTransactions(userId: "U1", cardId: "C1", page: 1, filters: charge)])
        var expected = TransactionsState(cardId: "C1")
        expected.filters = charge
        #expect(h.state.ui.modal == .transactions(expected), "a fresh list under the new filters")
        let chargeWeek = TransactionFilters(type: "CHARGE", range: .day).nextRange()
        #expect(h.keys("D", "D") == [.loadTransactions(userId: "U1", cardId: "C1", page: 1, filters: TransactionFilters(type: "CHARGE", range: .day)),
                                     .loadTransactions(userId: "U1", cardId: "C1", page: 1, filters: chargeWeek)])
        #expect(chargeWeek.range == .week)
        let all = TransactionFilters(status: "DECLINED", type: "CHARGE", range: .week)
        h.keys("f")
        #expect(h.send(.transactionsLoaded(userId: "U1", cardId: "C1", page: 1, .success(Self.transactions(0..<2)), filters: chargeWeek)) == [],
                "an answer under other filters is not this list")
        h.send(.transactionsLoaded(userId: "U1", cardId: "C1", page: 1, .success(Self.transactions(0..<2, declined: [0, 1])), filters: all))
        var loaded = TransactionsState(cardId: "C1")
        loaded.filters = all
        loaded.transactions = Self.transactions(0..<2, declined: [0, 1])
        loaded.pagesLoaded = 1
        loaded.isLoading = false
        loaded.hasMore = false
        #expect(h.state.ui.modal == .transactions(loaded))
        guard case .table(let table)? = ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).modal else { Issue.record("no table"); return }
        #expect(table.title == "Transactions — C1 (DECLINED, CHARGE, last 7 days only)")
        #expect(table.footer.hasSuffix("⏎ details  f status  T type  D date range  esc close"))
        #expect(h.keys("T", "T").last == .loadTransactions(userId: "U1", cardId: "C1", page: 1,
                                                          filters: TransactionFilters(status: "DECLINED", range: .week)), "type back to all")
    }

    @Test func theFiltersBecomeTheRequestFieldsAsUTCDays() {
        let now = Date(timeIntervalSince1970: 1_764_115_200 + 3_600) // 2025-11-26 01:00 UTC
        #expect(TransactionFilters().fields(now: now) == [:])
        #expect(TransactionFilters(status: "POSTED", type: "TOP_UP", range: .day).fields(now: now)
                == ["tx_status": "POSTED", "tx_type": "TOP_UP", "date_range_from": "2025-11-25", "date_range_to": "2025-11-26"])
        #expect(TransactionFilters(range: .month).fields(now: now) == ["date_range_from": "2025-10-27", "date_range_to": "2025-11-26"])
        #expect(TransactionFilters(range: .month).nextRange() == TransactionFilters(), "and back to all dates")
    }

    @Test func theFilterKeysComeFromTheKeyTableAndDoNothingOutsideTheView() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.reducer = ConsoleReducer(keys: try KeyTable.defaults.remapped(["transactions-type": ["c"]]))
        #expect(h.keys("D") == [])
        #expect(h.state.ui.flash == Flash("Cannot date range: only in the transactions view (t)", .error))
        h.keys("t")
        #expect(h.keys("T") == [], "T is no filter key any more")
        #expect(h.keys("c") == [.loadTransactions(userId: "U1", cardId: "C1", page: 1, filters: TransactionFilters(type: "CHARGE"))])
    }
}
