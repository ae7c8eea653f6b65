import Foundation
import MuseCardStore
import Synchronization

/// The counts of a running batch, read by whatever shows progress.
public final class BatchProgress: Sendable {
    private let counts: Mutex<BatchCounts>
    /// Lines given a definite answer by this process (for its rate).
    private let finishedHere = Mutex(0)
    public let total: Int

    public init(counts: BatchCounts, total: Int) {
        self.counts = Mutex(counts)
        self.total = total
    }

    /// A line moved from one state to another.
    func move(from old: BatchLineState, to new: BatchLineState) {
        guard old != new else { return }
        counts.withLock {
            $0.byState[old, default: 0] -= 1
            $0.byState[new, default: 0] += 1
        }
        if new.isFinal && !old.isFinal { finishedHere.withLock { $0 += 1 } }
    }

    public var snapshot: BatchCounts { counts.withLock { $0 } }
    /// Lines this process gave a definite answer to so far.
    public var finishedByThisProcess: Int { finishedHere.withLock { $0 } }
}
