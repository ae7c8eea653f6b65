import Foundation
import MuseCardKit
import MuseCardOperations
@testable import MuseCardViewModel
import Testing

/// `:` commands with completion and history; unknown keys and commands say so.
struct CommandLineReducerTests {
    typealias F = ConsoleFixtures

    static func type(_ text: String, into h: inout Harness) {
        for character in text { h.keys(character == " " ? "space" : String(character)) }
    }

    @Test func ticketThenOpenCarriesTheTicketToTheNextCardholder() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys(":")
        #expect(h.state.ui.commandLine == CommandLineState())
        Self.type("ticket SUP-2", into: &h)
        #expect(ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).commandLine == "ticket SUP-2")
        #expect(h.keys("enter") == [])
        #expect(h.state.ui.commandLine == nil)
        #expect(h.state.data.sessionTicket == "SUP-2" && h.state.data.cardholder?.ticket == "SUP-2")

        h.keys(":")
        Self.type("open 60004408", into: &h)
        #expect(h.keys("enter") == [.loadCardholder(userId: "60004408", label: nil)])
        #expect(h.state.data.cardholder == Cardholder(userId: "60004408", ticket: "SUP-2"))
        #expect(h.state.ui.commandHistory == ["ticket SUP-2", "open 60004408"])
    }

    @Test func tabCompletesAndUpWalksTheHistory() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys(":", "t", "i", "tab")
        #expect(h.state.ui.commandLine?.text == "ticket ")
        h.keys("esc", ":", "r", "e", "tab")
        #expect(h.state.ui.commandLine?.text == "refresh ")
        #expect(h.keys("enter") == [.fetchCards(userId: "U1", cardIds: ["C1"], maxConcurrent: 8)])
        h.keys(":", "l", "o")
        h.keys("up")
        #expect(h.state.ui.commandLine?.text == "refresh")
        h.keys("down")
        #expect(h.state.ui.commandLine?.text == "lo", "down past the newest brings the typed line back")
        h.keys("backspace", "backspace", "tab")
        #expect(h.state.ui.flash == Flash(":open  :find  :forget  :lock  :unlock  :ticket  :theme  :refresh  :q", .info))
    }

    @Test func lockAndUnlockAreTheKeysActions() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys(":")
        Self.type("lock", into: &h)
        h.keys("enter")
        #expect(h.state.ui.modal == .form(FormCatalog.lockForm(.lock(cardId: "C1"))))
        h.keys("esc", ":")
        Self.type("unlock", into: &h)
        h.keys("enter")
        #expect(h.state.ui.flash == Flash("Cannot unlock: card is ACTIVE; unlock needs LOCK", .error))
    }

    @Test func findOpensThePickerAndSearches() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys(":")
        Self.type("find KM-1001", into: &h)
        #expect(h.keys("enter") == [.loadCardholders, .findCardholders(text: "KM-1001")])
        guard case .picker(let picker)? = h.state.ui.modal else { Issue.record("no picker"); return }
        #expect(picker.input == "KM-1001" && picker.isSearching)
    }

    @Test func unknownCommandsAndKeysSaySo() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys(":")
        Self.type("frobnicate now", into: &h)
        h.keys("enter")
        #expect(h.state.ui.flash == Flash("Unknown command :frobnicate (known: :open :find :forget :lock :unlock :ticket :theme :refresh :q)", .error))
        h.keys("Z")
        #expect(h.state.ui.flash == Flash("Unknown key Z — ? lists the keys", .info))
        h.keys(":")
        Self.type("open bad id!", into: &h)
        #expect(h.keys("enter") == [])
        #expect(h.state.ui.flash == Flash(":open needs a user id (1–64 letters, digits, - or _)", .error))
    }

    @Test func aReadOnlySessionSaysWhyAHiddenKeyDoesNothing() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)], readOnly: true))
        #expect(h.keys("l") == [])
        #expect(h.state.ui.flash == Flash("Cannot lock: read-only session", .error))
        #expect(h.state.ui.modal == nil)
    }

    @Test func themeAsksTheFrontForANamedTheme() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active)]))
        h.keys(":")
        Self.type("theme light", into: &h)
        h.keys("enter")
        #expect(h.state.ui.themeName == "light")
        #expect(ScreenBuilder().screen(h.state, now: F.t0, listHeight: 10).themeName == "light")
        h.keys(":")
        Self.type("theme ../../etc/x.yaml", into: &h)
        h.keys("enter")
        #expect(h.state.ui.themeName == "light", "paths are not taken from the command line")
        #expect(h.state.ui.flash == Flash(":theme needs a theme name, e.g. :theme light", .error))
    }

    @Test func tabCompletesThemeNamesAfterTheme() throws {
        var state = F.opened([try F.entry("C1", .active)])
        state.session.themeNames = ["default", "high-contrast", "highlight", "light", "mono"]
        var h = Harness(state: state)
        h.keys(":")
        Self.type("theme l", into: &h)
        h.keys("tab")
        #expect(h.state.ui.commandLine?.text == "theme light")
        h.keys("enter")
        #expect(h.state.ui.themeName == "light")
        h.keys(":")
        Self.type("theme h", into: &h)
        h.keys("tab")
        #expect(h.state.ui.commandLine?.text == "theme high", "as far as the names agree")
        #expect(h.state.ui.flash == Flash("high-contrast  highlight", .info))
        h.keys("-", "tab")
        #expect(h.state.ui.commandLine?.text == "theme high-contrast")
        h.keys("esc", ":")
        Self.type("theme x", into: &h)
        h.keys("tab")
        #expect(h.state.ui.commandLine?.text == "theme x")
        #expect(h.state.ui.flash == Flash("No theme starts with \"x\"", .error))
        h.keys("esc", ":", "t", "h", "tab")
        #expect(h.state.ui.commandLine?.text == "theme ", "the command name still completes first")
        h.keys("tab")
        #expect(h.state.ui.flash == Flash("default  high-contrast  highlight  light  mono", .info), "an empty name lists them all")
    }

    @Test func aliasesFromConfigRunTheirCommand() throws {
        var state = F.opened([try F.entry("C1", .active)])
        state.session.aliases = ["t2": "ticket SUP-2", "o": "open"]
        var h = Harness(state: state)
        h.keys(":", "t", "2", "enter")
        #expect(h.state.data.cardholder?.ticket == "SUP-2")
        h.keys(":")
        Self.type("o 60004409", into: &h)
        #expect(h.keys("enter") == [.loadCardholder(userId: "60004409", label: nil)])
        h.keys(":", "t", "2", "backspace", "tab")
        #expect(h.state.ui.flash == Flash(":ticket  :theme  :t2", .info), "aliases complete too")
    }
}
