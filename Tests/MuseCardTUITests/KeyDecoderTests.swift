import MuseCardTUI
import Testing

/// What `get_wch` returns (characters and the key codes from <curses.h>) becomes key names.
struct KeyDecoderTests {
    func name(_ value: UInt32) -> String? { KeyDecoder.name(for: .character(value)) }
    func code(_ value: Int32) -> String? { KeyDecoder.name(for: .keyCode(value)) }

    @Test func printableCharactersAreThemselves() {
        #expect(name(UInt32(UInt8(ascii: "j"))) == "j")
        #expect(name(UInt32(UInt8(ascii: "L"))) == "L")
        #expect(name(UInt32(UInt8(ascii: "+"))) == "+")
        #expect(name(UInt32(UInt8(ascii: "/"))) == "/")
        #expect(name(UInt32(UInt8(ascii: "?"))) == "?")
        #expect(name(0x5F20) == "张")
    }

    @Test func controlCharactersHaveNames() {
        #expect(name(27) == "esc")
        #expect(name(9) == "tab")
        #expect(name(10) == "enter")
        #expect(name(13) == "enter")
        #expect(name(127) == "backspace")
        #expect(name(8) == "backspace")
        #expect(name(32) == "space")
        #expect(name(1) == "ctrl-a")
        #expect(name(18) == "ctrl-r")
        #expect(name(26) == "ctrl-z")
        #expect(name(0x9B) == nil)
        #expect(name(0x200E) == nil)
    }

    @Test func keyCodesHaveNames() {
        // Values from ncurses' <curses.h> (octal).
        #expect(code(0o402) == "down")
        #expect(code(0o403) == "up")
        #expect(code(0o404) == "left")
        #expect(code(0o405) == "right")
        #expect(code(0o406) == "home")
        #expect(code(0o550) == "end")
        #expect(code(0o523) == "pgup")
        #expect(code(0o522) == "pgdn")
        #expect(code(0o527) == "enter")
        #expect(code(0o407) == "backspace")
        #expect(code(0o512) == "delete")
        #expect(code(0o541) == "backtab")
        #expect(code(0o411) == "f1")
        #expect(code(0o424) == "f12")
        #expect(code(0o425) == nil)
        #expect(code(0o632) == nil)
    }
}
