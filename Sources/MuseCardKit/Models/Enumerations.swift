/// A card's status; values the client does not know are kept as sent.
public struct CardStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let initial = CardStatus(rawValue: "INIT")
    public static let pendingIssue = CardStatus(rawValue: "PENDING_ISSUE")
    public static let pendingActive = CardStatus(rawValue: "PENDING_ACTIVE")
    public static let active = CardStatus(rawValue: "ACTIVE")
    public static let locked = CardStatus(rawValue: "LOCK")
    public static let suspended = CardStatus(rawValue: "SUSPENDED")
    public static let canceled = CardStatus(rawValue: "CANCELED")

    /// Every status the contract names.
    public static let known: [CardStatus] = [.initial, .pendingIssue, .pendingActive, .active, .locked, .suspended, .canceled]
    public var isKnown: Bool { CardStatus.known.contains(self) }
    public var description: String { rawValue }
}

/// The state of a card application.
public struct ApplyStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let applying = ApplyStatus(rawValue: "APPLYING")
    public static let waitAudit = ApplyStatus(rawValue: "WAIT_AUDIT")
    public static let auditPass = ApplyStatus(rawValue: "AUDIT_PASS")
    public static let cardInit = ApplyStatus(rawValue: "CARD_INIT")
    public static let auditRefuse = ApplyStatus(rawValue: "AUDIT_REFUSE")

    public static let known: [ApplyStatus] = [.applying, .waitAudit, .auditPass, .cardInit, .auditRefuse]
    /// True once the application has ended, issued or refused.
    public var isFinal: Bool { self == .cardInit || self == .auditRefuse }
    public var description: String { rawValue }
}

/// Physical or virtual; the service sends either case, so comparison ignores it.
public struct CardType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue.uppercased() }

    public static let physical = CardType(rawValue: "PHYSICAL")
    public static let virtual = CardType(rawValue: "VIRTUAL")
    public var description: String { rawValue }
}
