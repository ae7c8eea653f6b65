import MuseCardStore

/// Hands out the open lines of a run in file order, a page at a time from the journal, so memory
/// stays flat however long the file.
actor BatchFeeder {
    static let page = 512
    private let journal: BatchJournal
    private let runId: String
    private var buffer: [BatchLine] = []
    private var index = 0
    private var cursor = 0
    private var exhausted = false

    init(journal: BatchJournal, runId: String) {
        self.journal = journal
        self.runId = runId
    }

    /// The next line not yet answered, or nil when there are none after the cursor.
    func next() throws -> BatchLine? {
        if index >= buffer.count {
            guard !exhausted else { return nil }
            buffer = try journal.lines(of: runId, in: [.pending, .sending, .unknown], after: cursor, limit: Self.page)
            index = 0
            if buffer.count < Self.page { exhausted = true }
            guard let last = buffer.last else { return nil }
            cursor = last.line
        }
        defer { index += 1 }
        return buffer[index]
    }
}
