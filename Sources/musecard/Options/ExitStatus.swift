import ArgumentParser
import Foundation
import MuseCardKit

/// The command line's exit codes (sysexits), one per kind of failure.
enum ExitStatus {
    static let refused: Int32 = 1
    static let usage: Int32 = 64
    static let undecodable: Int32 = 65
    static let unreachable: Int32 = 69
    static let keyPermissions: Int32 = 77
    static let configuration: Int32 = 78

    /// The exit code that tells a script what kind of failure `error` is.
    static func code(for error: MusePayError) -> Int32 {
        switch error {
        case .refused: return refused
        case .httpStatus(let status, _): return status == 429 || status >= 500 ? unreachable : refused
        case .transport: return unreachable
        case .undecodable: return undecodable
        case .configuration: return configuration
        case .keyPermissions: return keyPermissions
        case .validation: return usage
        }
    }

    /// Prints the one-line message to standard error and exits with the matching code.
    static func fail(_ error: MusePayError) -> ExitCode {
        StandardError.print("musecard: \(error)")
        return ExitCode(code(for: error))
    }
}

/// Writes lines to standard error.
enum StandardError {
    static func print(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
