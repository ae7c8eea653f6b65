import MuseCardTUI
import MuseCardViewModel
import Testing

/// The canvas sanitises again: no control or escape character is ever drawn.
struct CanvasSanitisingTests {
    @Test func escapeSequencesInModelTextNeverReachTheCanvas() {
        var screen = SampleScreens.main()
        screen.rows[0].embossedName = "EVIL\u{1B}[2J\u{1B}]0;x\u{07}\u{9B}31m"
        screen.cardholderTitle = "Bob\u{1B}[31m\r\nInjected"
        screen.detail.append(DetailLineModel(label: "Note\u{1B}", value: "\u{1B}[1;1Hgotcha"))
        screen.flash = FlashModel(text: "done\u{1B}c", kind: .info)
        let canvas = TextCanvas(columns: 120, rows: 40)
        ScreenRenderer.draw(screen, on: canvas, now: SampleScreens.now)
        let text = canvas.text
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) })
        #expect(text.contains("EVIL␛[2J"))
    }

    @Test func wideCharactersTakeTwoCellsAndClipCleanly() {
        let canvas = TextCanvas(columns: 5, rows: 1)
        canvas.put("张伟张", row: 0, col: 0)
        #expect(canvas.lines == ["张伟"])
        canvas.put("x", row: 0, col: 1)
        #expect(canvas.lines == [" x伟"])
    }

    @Test func textIsClippedToMaxWidthAndEdges() {
        let canvas = TextCanvas(columns: 10, rows: 2)
        canvas.put("abcdefgh", row: 0, col: 6)
        canvas.put("abcdefgh", row: 1, col: -3, role: Role.error, maxWidth: 4)
        canvas.put("ignored", row: 5, col: 0)
        #expect(canvas.lines == ["      abcd", "defg"])
        #expect(canvas.role(row: 1, col: 0) == Role.error)
    }
}
