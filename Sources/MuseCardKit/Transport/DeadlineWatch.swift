import Synchronization

/// One ticking task for the deadlines of every attempt in flight.
///
/// A timer per attempt (a `DispatchSource` armed, then cancelled once the answer came) woke
/// libdispatch's threads twice a call; here an attempt only adds and removes an entry, and one
/// task looks at the entries every `tick` while any are watched (so a deadline fires up to a
/// tick late).
final class DeadlineWatch: Sendable {
    /// The watch every client shares.
    static let shared = DeadlineWatch(tick: .milliseconds(50))

    private struct Entry {
        let deadline: ContinuousClock.Instant
        let expire: @Sendable () -> Void
    }

    private let tick: Duration
    private let state = Mutex<(entries: [UInt64: Entry], nextId: UInt64, ticking: Bool)>(([:], 0, false))

    init(tick: Duration) {
        self.tick = tick
    }

    /// Calls `expire` once `deadline` has passed, unless `forget` came first; returns the entry's id.
    func watch(until deadline: ContinuousClock.Instant, _ expire: @escaping @Sendable () -> Void) -> UInt64 {
        let (id, startTicking) = state.withLock { state in
            state.nextId &+= 1
            state.entries[state.nextId] = Entry(deadline: deadline, expire: expire)
            defer { state.ticking = true }
            return (state.nextId, !state.ticking)
        }
        if startTicking { Task.detached { await self.tickWhileWatching() } }
        return id
    }

    /// Stops watching entry `id` (its attempt ended).
    func forget(_ id: UInt64) {
        _ = state.withLock { $0.entries.removeValue(forKey: id) }
    }

    /// Entries still watched (for tests: a finished attempt leaves none).
    var watchedCount: Int { state.withLock { $0.entries.count } }

    private func tickWhileWatching() async {
        while true {
            try? await Task.sleep(for: tick)
            let now = ContinuousClock.now
            let (due, goOn) = state.withLock { state -> ([Entry], Bool) in
                let due = state.entries.filter { $0.value.deadline <= now }
                for id in due.keys { state.entries.removeValue(forKey: id) }
                if state.entries.isEmpty { state.ticking = false }
                return (Array(due.values), state.ticking)
            }
            due.forEach { $0.expire() }
            if !goOn { return }
        }
    }
}
