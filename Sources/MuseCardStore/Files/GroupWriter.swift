import Foundation
import GRDB
import Synchronization

/// Write transactions shared by the callers that arrive together: work that comes while a
/// transaction is being committed waits, then commits with the rest in the next one. A caller
/// still returns only once its own work is committed (or failed alone), but sixteen calls in
/// flight pay for one commit (locks, WAL frames, GRDB's statements) instead of sixteen.
final class GroupWriter: Sendable {
    private let pool: DatabasePool
    private let queue: DispatchQueue
    private let state = Mutex<(waiting: [any GroupWriterJob], writing: Bool)>(([], false))

    init(pool: DatabasePool, label: String) {
        self.pool = pool
        queue = DispatchQueue(label: label)
    }

    /// Runs `work` in an immediate write transaction, perhaps shared with other callers' work.
    /// When a piece next to it fails, `work` runs again in a transaction of its own: it must
    /// only change the database.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            enqueue(Piece(work: work, continuation: continuation))
        }
    }

    /// Queues `work` like `write`, without waiting: the caller goes on and awaits the returned
    /// commit later. Work queued after it is committed in the same transaction or a later one.
    func queue(_ work: @escaping @Sendable (Database) throws -> Void) -> PendingWrite {
        let pending = PendingWrite()
        enqueue(QueuedPiece(work: work, pending: pending))
        return pending
    }

    private func enqueue(_ job: any GroupWriterJob) {
        let start = state.withLock { state in
            state.waiting.append(job)
            defer { state.writing = true }
            return !state.writing
        }
        if start { queue.async { self.drain() } }
    }

    /// Commits what is waiting, until nothing is; runs on `queue` only.
    private func drain() {
        while true {
            let jobs = state.withLock { state in
                let taken = state.waiting
                state.waiting = []
                if taken.isEmpty { state.writing = false }
                return taken
            }
            if jobs.isEmpty { return }
            do {
                try commit(jobs)
                jobs.forEach { $0.finish(nil) }
            } catch is PieceFailed where jobs.count > 1 {
                // None of the shared transaction was kept: each piece runs again in one of its own,
                // so only the one that fails is refused.
                jobs.forEach(commitAlone)
            } catch is PieceFailed {
                jobs[0].finish(nil)
            } catch {
                jobs.forEach { $0.finish(error) }
            }
        }
    }

    private func commitAlone(_ job: any GroupWriterJob) {
        do { try commit([job]); job.finish(nil) } catch is PieceFailed { job.finish(nil) } catch { job.finish(error) }
    }

    /// Runs `jobs` in one immediate transaction; throws `PieceFailed` (all rolled back) when one of them failed.
    private func commit(_ jobs: [any GroupWriterJob]) throws {
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                for job in jobs where !job.run(db) { throw PieceFailed() }
                return .commit
            }
        }
    }

    /// One piece of a shared transaction threw: its own error waits in the piece.
    private struct PieceFailed: Error {}
}

/// One caller's part of a shared transaction.
protocol GroupWriterJob: Sendable {
    /// Does the work in the open transaction; false when it threw (its error is kept).
    func run(_ db: Database) -> Bool
    /// Resumes the caller with its result, or with `commitError` when the transaction failed.
    func finish(_ commitError: (any Error)?)
}

/// The work and the waiting caller of one `GroupWriter.write`.
private final class Piece<T: Sendable>: GroupWriterJob {
    let work: @Sendable (Database) throws -> T
    let continuation: CheckedContinuation<T, any Error>
    let result = Mutex<Result<T, any Error>?>(nil)

    init(work: @escaping @Sendable (Database) throws -> T, continuation: CheckedContinuation<T, any Error>) {
        self.work = work
        self.continuation = continuation
    }

    func run(_ db: Database) -> Bool {
        let outcome = Result { try work(db) }
        result.withLock { $0 = outcome }
        if case .success = outcome { return true }
        return false
    }

    func finish(_ commitError: (any Error)?) {
        let outcome = result.withLock { $0 } ?? .failure(DatabaseError(resultCode: .SQLITE_ERROR, message: "the write was not run"))
        if let commitError { continuation.resume(throwing: commitError) } else { continuation.resume(with: outcome) }
    }
}
