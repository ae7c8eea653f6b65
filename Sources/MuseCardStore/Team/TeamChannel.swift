import Foundation

/// Something another console did that this one should show within a second.
public enum TeamEvent: Sendable, Equatable {
    /// A change to the card was recorded (its audit result written).
    case cardChanged(userId: String, cardId: String)
    /// An approval was asked, decided, used or expired.
    case approvalsChanged
    /// Someone opened or left the cardholder.
    case viewersChanged(userId: String)
    /// A card's operation started or ended somewhere (busy marks).
    case busyChanged(userId: String, cardId: String)
}

/// What a team store adds to the single-agent one: the database's identity, live events
/// (LISTEN/NOTIFY), who has a cardholder open, and a per-card lock so two agents never change
/// the same card at once.
public protocol TeamChannel: Sendable {
    /// The acting identity (the database role, `current_user`), stamped by the server.
    var identity: String { get }
    /// Whether the identity holds the approver role.
    var isApprover: Bool { get }
    /// Whether sensitive unlocks need a second person (off only with `four_eyes: false`).
    var fourEyes: Bool { get }
    /// Events from every console on the store, this one's included; ends when the channel closes.
    func events() -> AsyncStream<TeamEvent>
    /// Says which cardholder this console has open (`nil`: none).
    func announceOpen(userId: String?) async throws
    /// Who else has the cardholder open now (not this identity's own session).
    func viewers(of userId: String) async throws -> [String]
    /// Cards of the cardholder with an operation in flight elsewhere, and who runs it.
    func busyCards(of userId: String) async throws -> [String: String]
    /// Runs `body` holding the card's lock (waits while someone else holds it), so two agents never change one card at once.
    func withCardLock<T: Sendable>(userId: String, cardId: String, _ body: @Sendable () async throws -> T) async throws -> T
}
