import MuseCardTUI
import Testing

/// Widths, elision and padding in columns, with CJK, combining marks and emoji.
struct TextWidthTests {
    @Test func measuresColumnsNotCharacters() {
        #expect(TextWidth.of("abc") == 3)
        #expect(TextWidth.of("张伟") == 4)
        #expect(TextWidth.of("ｆｕｌｌ") == 8)
        #expect(TextWidth.of("e\u{301}") == 1)
        #expect(TextWidth.of("한국") == 4)
        #expect(TextWidth.of("💳") == 2)
        #expect(TextWidth.of("•••• 4242") == 9)
    }

    @Test func elidesToTheColumnBudget() {
        #expect(TextWidth.elide("ZHANG WEI", to: 6) == "ZHANG…")
        #expect(TextWidth.elide("张伟张伟", to: 5) == "张伟…")
        #expect(TextWidth.elide("张伟张伟", to: 4) == "张…")
        #expect(TextWidth.elide("short", to: 10) == "short")
        #expect(TextWidth.elide("anything", to: 0) == "")
    }

    @Test func neverSplitsAWideCharacter() {
        let cut = TextWidth.prefix("张伟", columns: 3)
        #expect(cut == "张")
        #expect(TextWidth.of(TextWidth.pad("张伟", to: 3)) == 3)
    }

    @Test func padsByColumns() {
        #expect(TextWidth.pad("张伟", to: 6) == "张伟  ")
        #expect(TextWidth.pad("88.00", to: 8, alignRight: true) == "   88.00")
        #expect(TextWidth.of(TextWidth.pad("张伟张伟张伟", to: 7)) == 7)
    }

    @Test func wrapsAtSpacesAndBreaksLongWords() {
        #expect(TextWidth.wrap("the card is already locked", to: 10) == ["the card", "is already", "locked"])
        #expect(TextWidth.wrap("张伟张伟张伟", to: 4) == ["张伟", "张伟", "张伟"])
        #expect(TextWidth.wrap("", to: 4) == [""])
    }
}
