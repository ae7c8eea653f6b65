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
        StandardError.print("musecard: \(ServiceText.message(error.renamingField(flags).description))")
        return ExitCode(error.exitCode(isChange: isChange))
    }

    /// The flag a person typed for each request field, so a validation error names what to fix.
    static let flags = [
        "user_id": "--user", "card_id": "--card", "phone_number": "--phone", "phone_area_code": "--area-code",
        "daily_purchase_limit": "--daily", "replace_reason": "--reason", "ip_address": "--ip", "card_product_id": "--product",
        "card_level": "--level", "embossed_name": "--embossed-name", "request_id": "--request-id", "apply_id": "--apply-id",
        "reason": "--reason", "note": "--note", "approval": "--approval", "last4": "--confirm-last4", "card_pin": "the PIN on standard input", "token": "the token on standard input",
    ]
}

/// Writes lines to standard error.
enum StandardError {
    static func print(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
