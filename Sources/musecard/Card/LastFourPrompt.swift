import Foundation
import MuseCardKit
import MuseCardOperations

/// Asks a person at a terminal for the card's last four digits when the unlock needs them.
enum LastFourPrompt {
    /// The unlock with the typed digits; `nil` (send as is, and be refused naming the flag) off a terminal or when not needed.
    static func ask(_ operations: CardOperations, userId: String, cardId: String) async -> CardOperation? {
        guard isatty(STDIN_FILENO) == 1, let (requirement, lock) = try? await operations.unlockRequirement(userId: userId, cardId: cardId),
              requirement == .lastFour else { return nil }
        let s = ServiceText.sanitize
        if let lock {
            let note = lock.reason?.note.map { ": \(s($0))" } ?? ""
            StandardError.print("musecard: card \(s(cardId)) was locked \(lock.time.formatted(.iso8601)) by \(s(lock.operatorName)) as \(lock.reason?.code.rawValue ?? "?")\(note)")
        }
        FileHandle.standardError.write(Data("Type the card's last four digits to unlock it: ".utf8))
        guard let line = readLine(strippingNewline: true) else { return nil }
        return .unlock(cardId: cardId, check: .lastFour(line))
    }
}
