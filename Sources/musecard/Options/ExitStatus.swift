import ArgumentParser
import Foundation
import MuseCardKit

/// The command line's exit codes: the one classification in Kit (`ExitCodes`, `MusePayError.exitCode`).
enum ExitStatus {
    static let usage = ExitCodes.usage
    static let unreachable = ExitCodes.unreachable
    static let configuration = ExitCodes.configuration

    /// Prints the one-line, sanitised message to standard error and exits with the matching code.
    static func fail(_ error: MusePayError, isChange: Bool = false) -> ExitCode {
        StandardError.print("musecard: \(ServiceText.message(error.description))")
        return ExitCode(error.exitCode(isChange: isChange))
    }
}

/// Writes lines to standard error.
enum StandardError {
    static func print(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
