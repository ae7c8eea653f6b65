import Foundation
import MuseCardKit
import MuseCardTUI
import Testing
@testable import MuseCardViewModel

/// Frames of the real console: a state driven by the reducer, drawn by the renderer, so the
/// detail pane, the menu and the forms are the ones an agent sees, not hand-built models.
enum ConsoleScreens {
    static let now = SampleScreens.now

    /// Käthe Müller's four demo cards, every field filled as the sandbox fills them.
    static func opened() -> ConsoleState {
        var state = ConsoleState(session: SessionInfo(sessionId: "S1", operatorName: "root", profile: "sandbox",
                                                      environment: "SANDBOX", startedAt: now))
        state.data.cardholder = Cardholder(userId: "60004408", label: "Käthe Müller", ticket: "SUP-4711")
        state.data.cards = [
            entry("VC1000000001", .active, .virtual, "4242", product: "1001"),
            entry("VC1000000002", .locked, .physical, "5151", product: "2001"),
            entry("VC1000000003", .pendingActive, .virtual, "6161", product: "1002"),
            entry("VC1000000004", .canceled, .physical, "7171", product: "2002"),
        ]
        state.ui.selectedCardId = "VC1000000003"
        return state
    }

    static func entry(_ id: String, _ status: CardStatus, _ type: CardType, _ last4: String, product: String) -> CardEntry {
        var record = CardRecord(userId: "60004408", cardId: id, status: status)
        record.cardType = type
        record.cardNetwork = "masterCard"
        record.last4 = last4
        record.embossedName = "KATHE MULLER"
        record.currency = "USD"
        record.availableBalanceText = "1250.5"
        record.dailyPurchaseLimitText = "1000"
        record.expiryMonth = "11"
        record.expiryYear = "2029"
        record.productId = product
        record.cardLevel = "1"
        record.phoneAreaCode = "49"
        record.phoneNumber = "15112345678"
        record.issueTime = "1764057600000"
        record.enablePresentTransaction = true
        record.enableNoPresentTransaction = false
        return CardEntry(cardId: id, record: record, fetchedAt: now.addingTimeInterval(-12))
    }

    /// `state` after `keys`, through the reducer (effects are dropped: nothing runs).
    static func after(_ keys: [String], from state: ConsoleState) -> ConsoleState {
        var state = state
        let reducer = ConsoleReducer()
        for key in keys { _ = reducer.reduce(state: &state, action: .keyPressed(key)) }
        return state
    }

    /// `text` typed key by key.
    static func typing(_ text: String) -> [String] { text.map { $0 == " " ? "space" : String($0) } }

    /// The frame of `state` at `size`, as the terminal would show it.
    static func frame(_ state: ConsoleState, _ size: Size) -> TextCanvas {
        let canvas = TextCanvas(columns: size.columns, rows: size.rows)
        let screen = ScreenBuilder().screen(state, now: now, listHeight: ScreenLayout(size: size).listHeight)
        ScreenRenderer.draw(screen, on: canvas, now: now)
        return canvas
    }

    /// Every form of the console, filled wrongly and submitted, so each shows its errors.
    static func formsWithErrors() -> [(String, ConsoleState)] {
        let base = opened()
        let active = after(["g"], from: base)
        func form(_ kind: FormState.Kind, _ on: ConsoleState, _ keys: [String]) -> ConsoleState {
            var state = on
            state.ui.modal = .form(FormCatalog.make(kind, card: ActionAvailability.selectedCard(on), state: on))
            return after(keys + ["enter"], from: state)
        }
        let id = "VC1000000001"
        return [
            ("form-phone", form(.updatePhone(cardId: id), active, ["ctrl-u"] + typing("+4x") + ["tab"] + typing("12"))),
            ("form-limit", form(.changeLimit(cardId: id), active, ["ctrl-u"] + typing("-5"))),
            ("form-pin", form(.changePIN(cardId: id), active, typing("12") + ["tab"] + typing("1234"))),
            ("form-replace", form(.replace(cardId: id), active, ["left"])),
            ("form-reveal", form(.sensitiveInfo(cardId: id), active, typing("10.0.0.300"))),
            ("form-apply", form(.apply, active, ["ctrl-u", "tab", "right", "tab"] + typing("+") + ["tab"] + typing("123"))),
            ("form-add", form(.addCard, active, typing("bad id!"))),
            ("form-open", form(.openCardholder, active, [])),
        ]
    }

    /// The one-time card data link popup, as the sandbox answers it.
    static func cardDataLink() -> ConsoleState {
        var state = after(["g"], from: opened())
        state.ui.modal = .secretLink(cardId: "VC1000000001",
                                     url: SecretURL("http://127.0.0.1:43567/_sandbox/reveal/q7ZtR4aB9WmPq2xKc3fK9x2LmQa7Zq7ZtR4aB9WmPq2xKc3fK9x2LmQa7Z0a"),
                                     expiry: "2029-11-30")
        return state
    }

    /// Checks `state`'s frames at both sizes against `<name>-COLSxROWS` snapshots, and that no id is split.
    static func checkFrames(_ name: String, _ state: ConsoleState, sourceLocation: SourceLocation = #_sourceLocation) {
        for size in ConsoleFrameSnapshotTests.sizes {
            let canvas = frame(state, size)
            Snapshot.check(canvas.text, named: "\(name)-\(size.columns)x\(size.rows)", sourceLocation: sourceLocation)
            let split = splitIdentifiers(in: canvas.lines)
            #expect(split.isEmpty, "\(name) at \(size.columns)x\(size.rows): \(split.joined(separator: "\n"))", sourceLocation: sourceLocation)
        }
    }

    /// Ids drawn in these frames: none may be broken across lines.
    static let identifiers = ["VC1000000001", "VC1000000002", "VC1000000003", "VC1000000004", "60004408", "SUP-4711"]

    /// Lines where the head of an identifier stands alone: the id was split (an elided
    /// `VC10…0001` is fine; a popup hiding the middle of a line behind it leaves only tails).
    static func splitIdentifiers(in lines: [String]) -> [String] {
        var found: [String] = []
        for line in lines {
            let tokens = line.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "…") }.map(String.init)
            for token in tokens where !token.contains("…") {
                for id in identifiers where token != id && token.count >= 3 && id.hasPrefix(token) {
                    found.append("\(token) of \(id) in: \(line)")
                }
            }
        }
        return found
    }
}
