import MuseCardTUI
import Testing

/// The input decoder as a value: characters and idle polls in, whole events out.
struct InputDecoderTests {
    /// Feeds `text` one character at a time, as `get_wch` hands it over.
    func feed(_ text: String, into decoder: inout InputDecoder) -> [TerminalEvent] {
        text.unicodeScalars.flatMap { decoder.feed(.character($0.value)) }
    }

    func decode(_ text: String, idleAfter: Bool = true) -> [TerminalEvent] {
        var decoder = InputDecoder()
        return feed(text, into: &decoder) + (idleAfter ? decoder.idle() : [])
    }

    @Test func aPasteWithAnEscapeCodeIsOnePasteNotKeys() {
        #expect(decode("\u{1B}[200~4915\u{1B}[0mly\u{1B}[201~") == [.paste("4915\u{1B}[0mly")])
    }

    @Test func keysAroundAPasteStayKeys() {
        #expect(decode("j\u{1B}[200~ly\u{1B}[201~k") == [.key("j"), .paste("ly"), .key("k")])
    }

    @Test func splitReadsMakeTheSameEvents() {
        var decoder = InputDecoder()
        var events: [TerminalEvent] = []
        for part in ["\u{1B}", "[2", "00~49", "15\u{1B}", "[0", "mly\u{1B}[2", "01", "~"] {
            events += feed(part, into: &decoder)
            #expect(decoder.isPending || part == "~")
        }
        #expect(events == [.paste("4915\u{1B}[0mly")])
        #expect(!decoder.isPending)
    }

    @Test func aLoneEscIsTheEscKeyAfterAnIdlePoll() {
        var decoder = InputDecoder()
        #expect(decoder.feed(.character(27)).isEmpty)
        #expect(decoder.isPending)
        #expect(decoder.idle() == [.key("esc")])
        #expect(!decoder.isPending)
        #expect(decoder.idle().isEmpty)
    }

    @Test func escThenAPlainKeyIsBothKeys() {
        #expect(decode("\u{1B}q") == [.key("esc"), .key("q")])
        #expect(decode("\u{1B}\u{1B}") == [.key("esc"), .key("esc")])
        var decoder = InputDecoder()
        _ = decoder.feed(.character(27))
        #expect(decoder.feed(.keyCode(KeyDecoder.Code.up)) == [.key("esc"), .key("up")])
    }

    @Test func arrowsAndOtherKeysAsCSIAndSS3() {
        #expect(decode("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.key("up"), .key("down"), .key("right"), .key("left")])
        #expect(decode("\u{1B}OA\u{1B}OD\u{1B}OH\u{1B}OM") == [.key("up"), .key("left"), .key("home"), .key("enter")])
        #expect(decode("\u{1B}[5~\u{1B}[6~\u{1B}[3~\u{1B}[Z\u{1B}[1~\u{1B}[F") == [.key("pgup"), .key("pgdn"), .key("delete"), .key("backtab"), .key("home"), .key("end")])
        #expect(decode("\u{1B}[15~\u{1B}OP") == [.key("f5"), .key("f1")])
    }

    @Test func unknownSequencesAreIgnoredWhole() {
        // Colour codes, modified arrows, insert, focus reports, a stray paste end: nothing.
        #expect(decode("\u{1B}[0m\u{1B}[1;5A\u{1B}[2~\u{1B}[I\u{1B}[201~\u{1B}Ox").isEmpty)
        #expect(decode("\u{1B}[0mly") == [.key("l"), .key("y")], "only the sequence is dropped, not what follows")
    }

    @Test func unfinishedSequencesAreDroppedOnIdle() {
        #expect(decode("\u{1B}[12").isEmpty)
        #expect(decode("\u{1B}O").isEmpty)
        // An overlong body is swallowed up to its final character, never typed.
        #expect(decode("\u{1B}[" + String(repeating: "1;", count: 40) + "m") == [])
    }

    @Test func keyCodesAndCharactersPassThrough() {
        var decoder = InputDecoder()
        #expect(decoder.feed(.keyCode(KeyDecoder.Code.down)) == [.key("down")])
        #expect(decoder.feed(.character(10)) == [.key("enter")])
        #expect(decode("张") == [.key("张")])
    }

    @Test func insideAPasteKeyCodesAreDroppedAndAFalseEndIsText() {
        var decoder = InputDecoder()
        var events = feed("\u{1B}[200~a\u{1B}[20b", into: &decoder)
        events += decoder.feed(.keyCode(KeyDecoder.Code.up))
        events += feed("c\u{1B}[201~", into: &decoder)
        #expect(events == [.paste("a\u{1B}[20bc")])
    }

    @Test func aPasteWhoseEndNeverComesIsDeliveredAfterIdlePolls() {
        var decoder = InputDecoder()
        _ = feed("\u{1B}[200~ly", into: &decoder)
        for _ in 1..<InputDecoder.pasteIdleLimit { #expect(decoder.idle().isEmpty) }
        #expect(decoder.idle() == [.paste("ly")])
        #expect(!decoder.isPending)
    }
}
