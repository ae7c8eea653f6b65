import ArgumentParser
import Foundation
import MuseCardKit

/// Asks a person on a terminal before a run starts; a script must say `--yes`.
enum BatchConfirmation {
    /// Returns when confirmed; otherwise exits 64 (not on a terminal, no `--yes`) or 1 (declined).
    static func ask(plan: String, count: Int, production: Bool, yes: Bool) throws {
        if yes { return }
        guard isatty(STDIN_FILENO) == 1 else {
            StandardError.print("musecard: not on a terminal: pass --yes to \(plan) without confirmation")
            throw ExitCode(ExitStatus.usage)
        }
        StandardError.print("About to \(plan).")
        if production {
            FileHandle.standardError.write(Data("PRODUCTION: type the number of cards (\(count)) to go on: ".utf8))
            guard readLine()?.trimmingCharacters(in: .whitespaces) == String(count) else { return try declined() }
        } else {
            FileHandle.standardError.write(Data("Go on? [y/N] ".utf8))
            guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased(), answer == "y" || answer == "yes" else {
                return try declined()
            }
        }
    }

    private static func declined() throws {
        StandardError.print("musecard: not confirmed; nothing was sent")
        throw ExitCode(ExitCodes.refused)
    }
}
