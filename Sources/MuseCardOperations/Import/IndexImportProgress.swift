import Synchronization

/// How far a running index import has come, read by whatever shows progress.
public final class IndexImportProgress: Sendable {
    /// One moment of an import.
    public struct Snapshot: Sendable, Equatable {
        /// Bytes of the file read so far, and its size.
        public var bytesRead = 0
        public var size = 0
        /// Lines read, and lines committed to the index.
        public var lines = 0
        public var imported = 0
        /// Lines rejected, and lines naming a card an earlier line named.
        public var rejected = 0
        public var duplicates = 0

        /// How much of the file has been read, 0…1.
        public var fraction: Double { size > 0 ? min(1, Double(bytesRead) / Double(size)) : 0 }
    }

    private let state = Mutex(Snapshot())

    /// Nothing read yet.
    public init() {}

    /// The counts now.
    public var snapshot: Snapshot { state.withLock { $0 } }

    func update(_ change: (inout Snapshot) -> Void) { state.withLock { change(&$0) } }
}
