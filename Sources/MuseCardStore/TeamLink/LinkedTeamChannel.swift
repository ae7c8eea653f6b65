import Foundation

/// The team channel over a `TeamLink`: identity, events across reconnections, viewers, busy cards
/// and the per-card lock. Before the first connection the identity is the URL's user and nothing
/// else answers.
public struct LinkedTeamChannel: TeamChannel {
    let link: TeamLink

    /// The team channel over `link`.
    public init(_ link: TeamLink) { self.link = link }

    public var identity: String { link.identity }
    public var isApprover: Bool { link.isApprover }
    public var fourEyes: Bool { link.settings.fourEyes }

    public func events() -> AsyncStream<TeamEvent> { link.events() }

    public func announceOpen(userId: String?) async throws { try await link.use { try await $0.channel.announceOpen(userId: userId) } }

    public func viewers(of userId: String) async throws -> [String] { try await link.use { try await $0.channel.viewers(of: userId) } }

    public func busyCards(of userId: String) async throws -> [String: String] {
        try await link.use { try await $0.channel.busyCards(of: userId) }
    }

    public func withCardLock<T: Sendable>(userId: String, cardId: String, _ body: @Sendable () async throws -> T) async throws -> T {
        // Held for the whole change, which has deadlines of its own: a change is never cut off half-way.
        try await link.useUnbounded { try await $0.channel.withCardLock(userId: userId, cardId: cardId, body) }
    }
}
