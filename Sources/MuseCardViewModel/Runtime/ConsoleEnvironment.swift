import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore

/// What the live effect runner works with: the operations layer (every change and query goes
/// through it), the cache for reading what is known, the clock.
///
/// A team store is wired through the operations layer: `CardOperations(…, team: TeamServices(…))`
/// (PostgreSQL approvals and channel, or the in-memory ones in tests); `session.team` says who
/// the console is. Without it the console is the embedded single-agent one.
public struct ConsoleEnvironment: Sendable {
    public var operations: CardOperations
    /// The team store's approvals and channel, as the operations layer holds them; `nil`: single agent.
    public var team: TeamServices? { operations.team }
    public var cache: any CardCache
    public var session: SessionInfo
    public var now: @Sendable () -> Date
    /// Cardholders the picker always offers (the sandbox's demo cardholders), besides the cache's.
    public var featuredCardholders: [KnownCardholder]
    /// Where `y` copies to; `nil` when copying is off.
    public var clipboard: (any Clipboard)?
    /// Whether the team store answers (e.g. `MirroredCardCache.staleness`): the console follows it,
    /// and the channel's own calls report into it. `nil`: the channel's calls alone tell.
    public var staleness: StoreStaleness?

    public init(operations: CardOperations, cache: any CardCache, session: SessionInfo,
                now: @escaping @Sendable () -> Date = Date.init, featuredCardholders: [KnownCardholder] = [],
                clipboard: (any Clipboard)? = nil, staleness: StoreStaleness? = nil) {
        self.staleness = staleness
        self.clipboard = clipboard
        self.operations = operations
        self.cache = cache
        self.session = session
        self.now = now
        self.featuredCardholders = featuredCardholders
    }
}
