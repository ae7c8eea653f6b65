import Foundation
import MuseCardKit
import MuseCardStore

/// What the live effect runner works with: the client, the cache, the audit trail, the clock.
public struct ConsoleEnvironment: Sendable {
    public var client: MusePayClient
    public var cache: any CardCache
    public var audit: any AuditSink
    public var session: SessionInfo
    public var now: @Sendable () -> Date
    /// Cardholders the picker always offers (the sandbox's demo cardholders), besides the cache's.
    public var featuredCardholders: [KnownCardholder]

    public init(client: MusePayClient, cache: any CardCache, audit: any AuditSink, session: SessionInfo,
                now: @escaping @Sendable () -> Date = Date.init, featuredCardholders: [KnownCardholder] = []) {
        self.client = client
        self.cache = cache
        self.audit = audit
        self.session = session
        self.now = now
        self.featuredCardholders = featuredCardholders
    }
}
