import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore
@testable import MuseCardViewModel
import Testing

/// `y` copies the focused value; the flash names it, never a secret link's value.
struct CopyReducerTests {
    typealias F = ConsoleFixtures

    @Test func yCopiesTheSelectedCardIdAndTheFlashSaysSo() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .active), try F.entry("C2", .active)]))
        h.keys("j")
        let before = h.state
        #expect(h.keys("y") == [.copy(.plain("C2"), what: "card id C2")])
        #expect(h.state == before, "nothing changes until the clipboard answers")
        h.send(.copied(what: "card id C2", error: nil))
        var expected = before
        expected.ui.flash = Flash("Copied card id C2 to the clipboard", .success)
        #expect(h.state == expected)
        h.send(.copied(what: "card id C2", error: ClipboardError.off.description))
        #expect(h.state.ui.flash == Flash("Could not copy card id C2: copying is off (clipboard: off in config.yaml)", .error))
    }

    @Test func inTheLinkPopupYCopiesTheLinkWithoutNamingIt() throws {
        var state = F.opened([try F.entry("C1", .active)])
        let url = SecretURL("https://cards.example/once/s3cr3t")
        state.ui.modal = .secretLink(cardId: "C1", url: url, expiry: nil)
        var h = Harness(state: state)
        let effects = h.keys("y")
        #expect(effects == [.copy(.secret(url), what: "the one-time card data link of C1")])
        h.send(.copied(what: "the one-time card data link of C1", error: nil))
        #expect(h.state.ui.flash?.text.contains("s3cr3t") == false)
        #expect(h.state.ui.modal == .secretLink(cardId: "C1", url: url, expiry: nil), "the link stays up")
    }

    @Test func inTheHistoryYCopiesTheRequestIdAndAConfirmationStillTakesYAsYes() throws {
        var h = Harness(state: F.opened([try F.entry("C1", .locked)]))
        h.keys("h")
        var entry = HistoryReducerTests.entry("replace", .result, outcome: .applied, minutes: 1, id: "op-9")
        entry.requestId = "REQ-77"
        h.send(.historyLoaded(userId: "U1", cardId: "C1", AuditOperation.group([entry]), error: nil))
        #expect(h.keys("y") == [.copy(.plain("REQ-77"), what: "request id REQ-77")])
        h.keys("esc", "u")
        #expect(h.keys("y") == [.run(userId: "U1", .operation(.unlock(cardId: "C1")), ticket: "T-1")])
    }

    @Test func aCardIdIsCopiedOnlyWhenACardIsSelected() throws {
        var h = Harness(state: F.opened([]))
        #expect(h.keys("y") == [])
        #expect(h.state.ui.flash == Flash("Cannot copy id or link: no card selected", .error))
    }
}
