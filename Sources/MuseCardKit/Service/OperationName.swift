/// The one vocabulary of changes: key table actions, audit `action`, journal `kind`, session
/// summary and batch reports all use these raw names.
public enum OperationName: String, Sendable, Equatable, CaseIterable, Codable {
    case lock, unlock, activate
    case activatePhysical = "activate-physical"
    case updatePhone = "update-phone"
    case changeLimit = "change-limit"
    case changePIN = "change-pin"
    case replace
    case sensitiveInfo = "sensitive-info"
    case apply
    /// Confirm or decline a transaction the service asked the cardholder to verify.
    case txnVerify = "txn-verify"

    /// Idempotent with a `request_id`: journalled before sending, resumed with the same id.
    public var isJournalled: Bool { self == .apply || self == .replace }
}
