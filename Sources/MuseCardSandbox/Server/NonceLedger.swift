import Foundation

/// Nonces seen within the time window (the gate admits one partner); older ones are forgotten
/// so memory stays bounded.
struct NonceLedger {
    private var seen: Set<String> = []
    /// Arrival order, for expiry.
    private var order: [(nonce: String, time: Date)] = []
    private var head = 0
    /// A nonce is kept this long (twice the timestamp window: a request stamped at the far
    /// edge in either direction is still caught).
    let retention: TimeInterval
    /// Hard cap; past it the oldest nonces are forgotten first.
    let capacity: Int

    init(retention: TimeInterval, capacity: Int = 1_000_000) {
        self.retention = retention
        self.capacity = capacity
    }

    /// Records the nonce; false when it was already seen.
    mutating func use(_ nonce: String, now: Date) -> Bool {
        expire(now: now)
        guard seen.insert(nonce).inserted else { return false }
        order.append((nonce, now))
        return true
    }

    var count: Int { order.count - head }

    private mutating func expire(now: Date) {
        let cutoff = now.addingTimeInterval(-retention)
        while head < order.count, order[head].time < cutoff || count > capacity {
            seen.remove(order[head].nonce)
            head += 1
        }
        // Compact now and then so the array does not grow forever.
        if head > 4096, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
