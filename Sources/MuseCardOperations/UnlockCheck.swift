/// What an agent shows to unlock a card locked for a sensitive reason.
public enum UnlockCheck: Sendable, Equatable {
    /// Team: the id of a second person's approval, spent on this one unlock.
    case approval(id: String)
    /// Single agent: the card's last four digits, typed by the agent.
    case lastFour(String)
    /// A batch run confirmed as a whole (count, ticket, the count typed back in production): taken
    /// where a single agent would type the last four digits, never in place of a team's approval.
    case batchRun
}
