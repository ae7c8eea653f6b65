import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardOperations

struct ChangePIN: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change-pin",
        abstract: "Set a new card PIN.",
        discussion: "The PIN is read from standard input (asked twice, without echo, on a terminal); it is never an argument."
    )
    @OptionGroup var target: CardTarget
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let pin: PIN
        do { pin = try PINReader.read() } catch { throw ExitStatus.fail(error) }
        try await CardCall.perform(.changePIN(cardId: target.cardId, pin: pin), userId: target.userId, connection: connection,
                                   json: target.json) { _, _ in
            ["PIN of card \(ServiceText.sanitize(target.cardId)) changed."]
        }
    }
}

/// Reads a PIN from standard input: a no-echo prompt, twice, on a terminal; one line otherwise.
enum PINReader {
    static func read() throws(MusePayError) -> PIN {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true) else {
                throw .validation(field: "card_pin", reason: "expected the new PIN on standard input")
            }
            let pin = try PIN(line)
            // A second line is a repeat, as on a terminal: it must match.
            if let repeated = readLine(strippingNewline: true), !repeated.isEmpty, repeated != line {
                throw .validation(field: "card_pin", reason: "the two entries differ")
            }
            return warned(pin)
        }
        let first = try PIN(prompt("New PIN: "))
        guard prompt("Repeat PIN: ") == first.matchingKey else {
            throw .validation(field: "card_pin", reason: "the two entries differ")
        }
        return warned(first)
    }

    /// A trivial PIN is accepted (the service takes it) but not silently.
    private static func warned(_ pin: PIN) -> PIN {
        if pin.isTrivial { StandardError.print("musecard: warning: \(PIN.trivialWarning)") }
        return pin
    }

    /// Prompts on standard error and reads one line with echo off.
    private static func prompt(_ text: String) -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
