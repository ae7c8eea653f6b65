import Foundation

/// One team store in memory, shared by the consoles of several identities: the approvals with
/// the same rules a PostgreSQL driver enforces in the database, who has which cardholder open,
/// the per-card locks and the events fanned out to every channel. For tests and demos; each
/// identity acts through its own view (`approvals(identity:isApprover:)`, `channel(…)`).
public actor InMemoryTeamBoard {
    /// How long a request can be approved and used: 15 minutes.
    public static let defaultLifetime: TimeInterval = 15 * 60

    nonisolated let now: @Sendable () -> Date
    nonisolated let lifetime: TimeInterval
    /// Subscribers of every channel, registered synchronously so no event is missed after `events()` returns.
    nonisolated let hub = TeamEventHub()

    var requests: [ApprovalRequest] = []
    private var lastId = 0
    /// Who has which cardholder open, by channel.
    var open: [String: (identity: String, userId: String)] = [:]
    /// Cards locked now, by `userId/cardId`: the channel and identity holding each.
    var held: [String: (channel: String, identity: String)] = [:]
    /// Who waits for each held card, first come first served.
    var waiting: [String: [(channel: String, identity: String, resume: CheckedContinuation<Void, Never>)]] = [:]
    /// The timer announcing the next expiry, and the time up to which expiries were announced.
    var expiryTimer: Task<Void, Never>?
    var expiriesAnnounced: Date

    /// A board whose clock is `now` (tests pass one that stands still) and whose requests live `lifetime` seconds.
    public init(now: @escaping @Sendable () -> Date = Date.init, lifetime: TimeInterval = InMemoryTeamBoard.defaultLifetime) {
        self.now = now
        self.lifetime = lifetime
        expiriesAnnounced = now()
    }

    /// The approvals as `identity` sees and acts on them.
    public nonisolated func approvals(identity: String, isApprover: Bool) -> InMemoryApprovals {
        InMemoryApprovals(board: self, identity: identity, isApprover: isApprover)
    }

    /// A console's channel to the board, as `identity` (one per console session).
    public nonisolated func channel(identity: String, isApprover: Bool, fourEyes: Bool = true) -> InMemoryTeamChannel {
        InMemoryTeamChannel(board: self, identity: identity, isApprover: isApprover, fourEyes: fourEyes)
    }

    func nextId() -> String {
        lastId += 1
        return "apr-\(lastId)"
    }

    // MARK: Viewers

    func setOpen(channel: String, identity: String, userId: String?) {
        let before = open[channel]?.userId
        if let userId { open[channel] = (identity, userId) } else { open[channel] = nil }
        for changed in Set([before, userId].compactMap { $0 }) { hub.send(.viewersChanged(userId: changed)) }
    }

    func viewers(of userId: String, except channel: String) -> [String] {
        Array(Set(open.filter { $0.key != channel && $0.value.userId == userId }.map(\.value.identity))).sorted()
    }

    // MARK: Card locks

    func acquire(userId: String, cardId: String, channel: String, identity: String) async {
        let key = Self.key(userId, cardId)
        if held[key] == nil {
            held[key] = (channel, identity)
            hub.send(.busyChanged(userId: userId, cardId: cardId))
            return
        }
        // `release` hands the lock over before resuming: the waiter holds it when this returns.
        await withCheckedContinuation { resume in waiting[key, default: []].append((channel, identity, resume)) }
    }

    func release(userId: String, cardId: String) {
        let key = Self.key(userId, cardId)
        if var queue = waiting[key], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[key] = queue.isEmpty ? nil : queue
            held[key] = (next.channel, next.identity)
            next.resume.resume()
        } else {
            held[key] = nil
        }
        // A change ends holding the card's lock: as a database announces the audit result, say the card changed.
        hub.send(.cardChanged(userId: userId, cardId: cardId))
        hub.send(.busyChanged(userId: userId, cardId: cardId))
    }

    func busyCards(of userId: String, except channel: String) -> [String: String] {
        var busy: [String: String] = [:]
        for (key, holder) in held where holder.channel != channel {
            let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
            if parts.count == 2, parts[0] == userId { busy[parts[1]] = holder.identity }
        }
        return busy
    }

    static func key(_ userId: String, _ cardId: String) -> String { "\(userId)/\(cardId)" }
}
