/// Who the team store says this console is; fixed for the session (`nil`: the embedded store).
public struct TeamSession: Sendable, Equatable {
    /// The database's identity, stamped on every audit row and request.
    public var identity: String
    /// Holds the approver role: sees the badge and can decide requests.
    public var isApprover: Bool
    /// Sensitive unlocks need a second person's approval (off only with `four_eyes: false`).
    public var fourEyes: Bool

    public init(identity: String, isApprover: Bool, fourEyes: Bool = true) {
        self.identity = identity
        self.isApprover = isApprover
        self.fourEyes = fourEyes
    }
}
