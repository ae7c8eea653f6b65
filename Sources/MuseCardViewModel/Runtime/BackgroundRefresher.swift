import Foundation
import Synchronization

/// Runs one background refresh at a time: a newer one (or opening another cardholder) cancels
/// the one before. Each query waits for a token of the per-minute budget, which is the
/// session's, not the run's: a newer list never earns a fresh allowance, and a free slot.
final class BackgroundRefresher: Sendable {
    private let current = Mutex<Task<Void, Never>?>(nil)
    private let bucket = Mutex<TokenBucket?>(nil)

    /// Replaces the running refresh with one over `cards`, skipping those fresher than the
    /// budget's `staleAfter` at the moment their turn comes.
    func start(_ cards: [CardAge], budget: RefreshBudget, now: @escaping @Sendable () -> Date,
               query: @escaping @Sendable (String) async -> Void) {
        let tokens = bucket.withLock { bucket in
            if bucket == nil { bucket = TokenBucket(perMinute: budget.perMinute) }
            return bucket
        }
        let task = Task {
            guard let tokens else { return }
            await withTaskGroup(of: Void.self) { group in
                var running = 0
                for card in cards {
                    if Task.isCancelled { break }
                    if let at = card.fetchedAt, now().timeIntervalSince(at) < budget.staleAfter { continue }
                    if running >= max(1, budget.maxInFlight) {
                        await group.next()
                        running -= 1
                    }
                    guard await tokens.take() else { break }
                    running += 1
                    group.addTask { await query(card.cardId) }
                }
            }
        }
        current.withLock { previous in
            previous?.cancel()
            previous = task
        }
    }

    /// Stops the running refresh (queries already sent finish and are reported).
    func cancel() {
        current.withLock { task in
            task?.cancel()
            task = nil
        }
    }
}

/// A per-minute allowance that refills continuously and starts full.
actor TokenBucket {
    let perMinute: Int
    private var tokens: Double
    private var refilledAt = ContinuousClock.now

    init(perMinute: Int) {
        self.perMinute = max(1, perMinute)
        tokens = Double(self.perMinute)
    }

    /// Waits (suspending, never blocking a thread) until a token is free and takes it; false when cancelled.
    func take() async -> Bool {
        while true {
            let now = ContinuousClock.now
            let elapsed = refilledAt.duration(to: now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            tokens = min(Double(perMinute), tokens + seconds * Double(perMinute) / 60)
            refilledAt = now
            if tokens >= 1 {
                tokens -= 1
                return true
            }
            let wait = (1 - tokens) * 60 / Double(perMinute)
            do { try await Task.sleep(for: .milliseconds(Int(wait * 1000) + 1)) } catch { return false }
        }
    }
}
