import Foundation
import MuseCardTUI
import MuseCardViewModel
import Testing

/// Whole frames drawn from hand-built models, compared with committed text snapshots.
struct ScreenSnapshotTests {
    static let sizes = [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)]

    func render(_ screen: ScreenModel, _ size: Size) -> TextCanvas {
        let canvas = TextCanvas(columns: size.columns, rows: size.rows)
        ScreenRenderer.draw(screen, on: canvas, now: SampleScreens.now)
        return canvas
    }

    func snapshot(_ screen: ScreenModel, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for size in Self.sizes {
            Snapshot.check(render(screen, size).text, named: "\(name)-\(size.columns)x\(size.rows)", sourceLocation: sourceLocation)
        }
    }

    /// The role where `needle` starts on the first line that also contains `marker`.
    func role(of needle: String, onLineWith marker: String, in canvas: TextCanvas) -> String? {
        guard let row = canvas.lines.firstIndex(where: { $0.contains(marker) && $0.contains(needle) }),
              let range = canvas.lines[row].range(of: needle) else { return nil }
        return canvas.role(row: row, col: TextWidth.of(String(canvas.lines[row][..<range.lowerBound])))
    }

    @Test func mainScreen() {
        snapshot(SampleScreens.main(), "main")
    }

    @Test func mainScreenRoles() {
        Snapshot.check(render(SampleScreens.main(), Size(columns: 80, rows: 24)).roleText, named: "main-roles-80x24")
        Snapshot.check(render(SampleScreens.main(modal: .menu(SampleScreens.menu)), Size(columns: 80, rows: 24)).roleText,
                       named: "menu-roles-80x24")
    }

    @Test func mainScreenWithFilterAndError() {
        snapshot(SampleScreens.main(flash: FlashModel(text: "Lock failed: 5004 USER_STATUS_INVALID", kind: .error),
                                    filter: FilterModel(text: "zhang", isEditing: true, matchCount: 3)), "main-filter")
    }

    @Test func actionMenuGreysUnavailableItemsWithTheirReason() {
        snapshot(SampleScreens.main(modal: .menu(SampleScreens.menu)), "menu")
        let canvas = render(SampleScreens.main(modal: .menu(SampleScreens.menu)), Size(columns: 80, rows: 24))
        #expect(canvas.text.contains("the card is already locked"))
        #expect(canvas.role(of: "Activate") == Role.menuDisabled)
        #expect(canvas.role(of: "Unlock card") == Role.menuSelected)
    }

    @Test func confirmDialogFocusesCancel() {
        snapshot(SampleScreens.main(modal: .confirm(SampleScreens.confirm)), "confirm")
        let canvas = render(SampleScreens.main(modal: .confirm(SampleScreens.confirm)), Size(columns: 80, rows: 24))
        #expect(canvas.role(of: "[ Cancel ]") == Role.menuSelected)
        #expect(!canvas.text.contains("[ Lock ]"))
    }

    @Test func formShowsFieldErrorsAndMaskedValues() {
        snapshot(SampleScreens.main(modal: .form(SampleScreens.form)), "form")
        let canvas = render(SampleScreens.main(modal: .form(SampleScreens.form)), Size(columns: 80, rows: 24))
        #expect(canvas.role(of: "✗ daily_purchase_limit") == Role.error)
        #expect(canvas.text.contains("••••"))
    }

    @Test func helpOverlay() {
        snapshot(SampleScreens.main(modal: .help(SampleScreens.help)), "help")
    }

    @Test func picker() {
        snapshot(SampleScreens.main(modal: .picker(SampleScreens.picker)), "picker")
        let loading = PickerModel(title: "Open a cardholder", entries: [], selected: 0, placeholder: "Loading known cardholders…")
        snapshot(SampleScreens.main(modal: .picker(loading)), "picker-loading")
    }

    @Test func summary() {
        snapshot(SampleScreens.main(modal: .summary(title: "Session summary", lines: [
            "Operator alice, ticket SUP-4711, 12 minutes", "Locked ••4242 (ACTIVE → LOCKED)", "Refused: unlock ••0005 — USER_STATUS_INVALID",
        ])), "summary")
    }

    @Test func tooSmallShowsAMessageInsteadOfAFrame() {
        let canvas = TextCanvas(columns: 59, rows: 15)
        ScreenRenderer.draw(SampleScreens.main(), on: canvas, now: SampleScreens.now)
        Snapshot.check(canvas.text, named: "too-small-59x15")
        #expect(canvas.text.contains("terminal too small (need 60x16)"))
        #expect(!canvas.text.contains("4242"))
    }

    @Test func productionBadgeIsUnmistakable() {
        var bar = SampleScreens.topBar
        bar.environment = "PRODUCTION"
        bar.isProduction = true
        bar.readOnly = true
        let canvas = render(SampleScreens.main(topBar: bar), Size(columns: 80, rows: 24))
        #expect(canvas.role(of: "PRODUCTION") == Role.badgeProduction)
        #expect(canvas.lines[0].contains("READ-ONLY"))
    }

    @Test func aRetryShowsInTheTopBarBesideTheSpinner() {
        var bar = SampleScreens.topBar
        bar.inFlight = 1
        bar.retrying = "retrying 2/3"
        let canvas = render(SampleScreens.main(topBar: bar), Size(columns: 80, rows: 24))
        #expect(canvas.lines[0].contains("1 busy  retrying 2/3  ● online"))
    }

    @Test func statusIsTextAndColourAndUnknownStatusFallsBack() {
        let canvas = render(SampleScreens.main(), Size(columns: 120, rows: 40))
        #expect(canvas.role(of: "ACTIVE") == Role.statusActive)
        #expect(canvas.role(of: "CANCELED") == Role.statusCanceled)
        // The selected row is drawn in the selection role, its status still as text.
        #expect(role(of: "LOCKED", onLineWith: "▶", in: canvas) == Role.listSelected)
        #expect(role(of: "FROZEN", onLineWith: "3141", in: canvas) == Role.statusUnknown)
    }

    @Test func wideNamesKeepColumnsAligned() throws {
        let canvas = render(SampleScreens.main(), Size(columns: 120, rows: 40))
        let lines = canvas.lines
        let cjk = try #require(lines.first { $0.contains("张伟") && $0.contains("0005") })
        let latin = try #require(lines.first { $0.contains("ZHANG WEI") && $0.contains("4242") })
        // The age column ends at the same screen column on both rows.
        let cjkAge = TextWidth.of(String(cjk[..<(cjk.range(of: "5m")?.upperBound ?? cjk.endIndex)]))
        let latinAge = TextWidth.of(String(latin[..<(latin.range(of: "12s")?.upperBound ?? latin.endIndex)]))
        #expect(cjkAge == latinAge)
    }

    @Test func narrowTerminalsDropLessImportantColumnsFirst() {
        let widest = render(SampleScreens.main(), Size(columns: 160, rows: 40)).lines[2]
        let wide = render(SampleScreens.main(), Size(columns: 120, rows: 40)).lines[2]
        let narrow = render(SampleScreens.main(), Size(columns: 60, rows: 16)).lines[2]
        #expect(widest.contains("NETWORK") && widest.contains("DAILY LIMIT"))
        #expect(!wide.contains("NETWORK") && wide.contains("DAILY LIMIT") && wide.contains("TYPE"))
        #expect(!narrow.contains("NETWORK") && !narrow.contains("DAILY LIMIT"))
        #expect(narrow.contains("STATUS") && narrow.contains("LAST4") && narrow.contains("BALANCE"))
    }
}
