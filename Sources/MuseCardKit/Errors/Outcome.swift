/// What an attempt to change a card came to, decided once from the error (or its absence).
///
/// Every front reads this: the audit result, the journal, the exit code, the console's flash.
public enum Outcome: String, Sendable, Equatable, CaseIterable {
    /// The service answered `code` 200: the change is made.
    case applied
    /// The service answered and said no (another `code`, or HTTP 4xx other than 408/429).
    case refused
    /// Nothing reached the service, or it said it did not process the request.
    case notSent = "not-sent"
    /// The request may have reached the service and no usable answer came back.
    case unknown
}

extension MusePayError {
    /// The outcome of a change that ended with this error.
    public var changeOutcome: Outcome { outcome(isChange: true) }

    /// The outcome of a request that ended with this error; an undecodable answer to a change is
    /// `unknown` (the service may have acted), to a query it is a plain failure reported as `unknown`.
    public func outcome(isChange: Bool) -> Outcome {
        switch self {
        case .refused: return .refused
        case .httpStatus(let status, _):
            if status == 429 { return .notSent }
            if status == 408 || status >= 500 { return .unknown }
            return .refused
        case .transport(let failure): return failure.requestMayHaveLeft ? .unknown : .notSent
        case .undecodable: return .unknown
        case .configuration, .keyPermissions, .validation: return .notSent
        }
    }

    /// The command line's exit status for this error (sysexits where one fits; 75 for unknown).
    public func exitCode(isChange: Bool) -> Int32 {
        switch self {
        case .validation: return ExitCodes.usage
        case .configuration: return ExitCodes.configuration
        case .keyPermissions: return ExitCodes.keyPermissions
        case .undecodable where !isChange: return ExitCodes.undecodable
        default: break
        }
        switch outcome(isChange: isChange) {
        case .applied: return ExitCodes.success
        case .refused: return ExitCodes.refused
        case .notSent: return ExitCodes.unreachable
        case .unknown: return ExitCodes.unknown
        }
    }
}

/// The command line's exit statuses, one per kind of ending.
public enum ExitCodes {
    public static let success: Int32 = 0
    /// The service refused the request.
    public static let refused: Int32 = 1
    /// EX_USAGE: a bad argument or field.
    public static let usage: Int32 = 64
    /// EX_DATAERR: an answer to a query that cannot be read.
    public static let undecodable: Int32 = 65
    /// EX_UNAVAILABLE: nothing reached the service (no connection, or 429 after the last retry).
    public static let unreachable: Int32 = 69
    /// EX_IOERR: the audit trail, journal or cache could not be written.
    public static let ioError: Int32 = 74
    /// EX_TEMPFAIL: the outcome is unknown; check the card, then resume.
    public static let unknown: Int32 = 75
    /// EX_NOPERM: a private key file others may read.
    public static let keyPermissions: Int32 = 77
    /// EX_CONFIG: missing or bad configuration, or a read-only profile.
    public static let configuration: Int32 = 78
}

extension MusePayError {
    /// The same error with a validation field renamed (e.g. an API field to the flag a person typed).
    public func renamingField(_ names: [String: String]) -> MusePayError {
        guard case .validation(let field, let reason) = self, let name = names[field] else { return self }
        return .validation(field: name, reason: reason)
    }
}
