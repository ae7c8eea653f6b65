import Foundation

/// One console's channel to an `InMemoryTeamBoard`: its identity, the board's events, who else
/// has a cardholder open, and the per-card lock (a second locker waits its turn).
public struct InMemoryTeamChannel: TeamChannel {
    let board: InMemoryTeamBoard
    /// Tells this console's session apart from others of the same identity.
    let session = UUID().uuidString
    public let identity: String
    public let isApprover: Bool
    public let fourEyes: Bool

    public func events() -> AsyncStream<TeamEvent> { board.hub.subscribe(channel: session) }

    public func announceOpen(userId: String?) async throws {
        await board.setOpen(channel: session, identity: identity, userId: userId)
    }

    public func viewers(of userId: String) async throws -> [String] { await board.viewers(of: userId, except: session) }

    public func busyCards(of userId: String) async throws -> [String: String] { await board.busyCards(of: userId, except: session) }

    public func withCardLock<T: Sendable>(userId: String, cardId: String, _ body: @Sendable () async throws -> T) async throws -> T {
        await board.acquire(userId: userId, cardId: cardId, channel: session, identity: identity)
        do {
            let value = try await body()
            await board.release(userId: userId, cardId: cardId)
            return value
        } catch {
            await board.release(userId: userId, cardId: cardId)
            throw error
        }
    }

    /// Leaves the board: the cardholder is no longer open here and this channel's event streams end.
    public func close() async {
        await board.setOpen(channel: session, identity: identity, userId: nil)
        board.hub.finish(channel: session)
    }
}
