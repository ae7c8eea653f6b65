import Foundation
import PostgresNIO

/// Expiry seen live: a request that expires changes no row, so no NOTIFY comes. Each channel keeps a
/// timer for the scope's earliest pending or approved request and says approvals changed when its time
/// passes. Client-side (re-armed on every approvals event) rather than a server job: PostgreSQL has no
/// scheduler of its own, and every console already listens.
extension PostgresTeamChannel {
    /// Past the expiry by this much, so a console re-reading finds the server's clock past it too.
    static let expiryMargin: Duration = .milliseconds(100)

    /// (Re)starts the timer from what the database holds now; the previous timer is cancelled.
    func armExpiryTimer() {
        let previous: Task<Void, Never>? = lock.withLock {
            guard !closed else { return nil }
            defer { expiryTimer = Task { [weak self] in await self?.announceNextExpiry() } }
            return expiryTimer
        }
        previous?.cancel()
    }

    /// Waits for the earliest expiry not yet announced (by the server's clock, so skew does not matter),
    /// announces it and arms again. An expiry that passed while a query was late is announced at once.
    private func announceNextExpiry() async {
        let since = lock.withLock { expiriesAnnounced }
        let next: (Date, Double)?
        do {
            let rows = try await database.client.query("""
                SELECT min(expires_at), extract(epoch FROM min(expires_at) - now())::float8, now() FROM approvals
                WHERE scope = \(scope.key) AND state IN ('pending', 'approved')
                  AND expires_at > coalesce(\(since)::timestamptz, now())
                """, logger: TeamDatabase.logger)
            var found: (Date, Double)?
            for try await (at, wait, now) in rows.decode((Date?, Double?, Date).self) {
                lock.withLock { if expiriesAnnounced == nil { expiriesAnnounced = now } }
                if let at, let wait { found = (at, wait) }
            }
            next = found
        } catch {
            // The server is away: the listener's reconnection says approvals changed and arms again.
            return
        }
        guard let (at, wait) = next else { return }
        do { try await Task.sleep(for: .seconds(max(0, wait)) + Self.expiryMargin) } catch { return }
        lock.withLock { expiriesAnnounced = max(expiriesAnnounced ?? at, at) }
        broadcast(.approvalsChanged)
        armExpiryTimer()
    }
}
