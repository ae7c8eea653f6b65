import GRDB
import MuseCardKit
import Synchronization

/// A write queued on a `GroupWriter` whose caller did not wait for it: await `committed()` later.
public final class PendingWrite: Sendable {
    private let outcome = FirstOutcome<Void>()

    /// Returns once the write is committed; throws its error, or the transaction's.
    public func committed() async throws {
        try await outcome.value()
    }

    func finish(_ result: Result<Void, any Error>) {
        outcome.finish(result)
    }
}

/// The work of one `GroupWriter.queue`, and where its outcome goes.
final class QueuedPiece: GroupWriterJob {
    let work: @Sendable (Database) throws -> Void
    let pending: PendingWrite
    private let failure = Mutex<(any Error)?>(nil)

    init(work: @escaping @Sendable (Database) throws -> Void, pending: PendingWrite) {
        self.work = work
        self.pending = pending
    }

    func run(_ db: Database) -> Bool {
        do { try work(db); failure.withLock { $0 = nil }; return true } catch {
            failure.withLock { $0 = error }
            return false
        }
    }

    func finish(_ commitError: (any Error)?) {
        if let error = commitError ?? failure.withLock({ $0 }) { pending.finish(.failure(error)) } else { pending.finish(.success(())) }
    }
}
