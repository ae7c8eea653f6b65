import Foundation
import MuseCardKit
import MuseCardStore
import Synchronization

/// Runs the open lines of one batch run through the operations layer, as fast as the pacer allows,
/// writing each line's state to the batch journal before and after it is sent.
public final class BatchRunner: Sendable {
    let operations: CardOperations
    let journal: BatchJournal
    public let run: BatchRunRecord
    let settings: BatchSettings
    public let pacer: BatchPacer
    public let progress: BatchProgress
    private let stopReason = Mutex<String?>(nil)

    public init(operations: CardOperations, journal: BatchJournal, run: BatchRunRecord, settings: BatchSettings, pacer: BatchPacer) throws {
        self.operations = operations
        self.journal = journal
        self.run = run
        self.settings = settings
        self.pacer = pacer
        progress = BatchProgress(counts: try journal.counts(of: run.runId), total: run.total)
    }

    /// Why the run stopped before every line was answered (a configuration problem, an unreachable service), if it did.
    public var stoppedBecause: String? { stopReason.withLock { $0 } }

    /// Works through every line not yet answered; returns the journal's counts at the end.
    public func start() async throws -> BatchCounts {
        let feeder = BatchFeeder(journal: journal, runId: run.runId)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<pacer.maxWindow {
                group.addTask {
                    // A line's last journal write is awaited only after the next line is under way:
                    // the next line's writes commit with it or after it, on the same writer.
                    var lastWrite: PendingWrite?
                    while self.stoppedBecause == nil, let line = try await feeder.next() {
                        let written = try await self.process(line)
                        try await lastWrite?.committed()
                        lastWrite = written
                    }
                    try await lastWrite?.committed()
                }
            }
            try await group.waitForAll()
        }
        let counts = try journal.counts(of: run.runId)
        try journal.setFinished(run.runId, at: counts.finished >= run.total ? Date() : nil)
        return counts
    }

    /// Takes one line to a definite answer, or leaves it pending/unknown after `maxAttempts` calls;
    /// returns the line's last journal write, queued but not yet committed.
    func process(_ start: BatchLine) async throws -> PendingWrite? {
        var line = start
        var calls = 0
        // A 429 says the call was not processed: it costs the run a pause, not the line an attempt.
        var rateLimited = 0
        while !line.state.isFinal, calls < settings.maxAttempts, rateLimited < settings.maxRateLimited, stoppedBecause == nil {
            if await pacer.pausesWithoutSuccess >= settings.maxPauses {
                stop("MusePay cannot be reached (\(settings.maxPauses) pauses without a success)")
                break
            }
            calls += 1
            line.attempts += 1
            let before = line.state
            if line.state.needsQuery {
                await query(&line)
            } else {
                line.state = .sending
                try await save(line, was: before)
                if await send(&line) { calls -= 1; rateLimited += 1 }
                if line.state.isFinal { return queueSave(line, was: .sending) }
                try await save(line, was: .sending)
                continue
            }
            if line.state.isFinal { return queueSave(line, was: before) }
            try await save(line, was: before)
        }
        return nil
    }

    /// Asks where the card stands: already in the wanted state is applied; otherwise it is sent again.
    private func query(_ line: inout BatchLine) async {
        await pacer.acquire()
        let report = await operations.query(userId: line.userId, cardId: line.cardId)
        switch report.result {
        case .success(let record):
            await pacer.release(.success)
            if line.statusBefore == nil, line.operationId == nil { line.statusBefore = record.status.rawValue }
            if record.status == settings.target {
                line.state = .applied
                line.statusAfter = record.status.rawValue
                line.error = nil
            } else {
                line.state = .pending
            }
        case .failure(let error):
            await pacer.release(Self.signal(error))
            if CardOperations.saysCardUnknown(error) {
                line.state = .refused
                line.error = ServiceText.message(error.description)
            } else {
                line.error = ServiceText.message(error.description)
            }
        }
    }

    /// Sends the line's operation; true when the service answered 429.
    private func send(_ line: inout BatchLine) async -> Bool {
        await pacer.acquire()
        let report = await operations.perform(settings.operation(for: line), userId: line.userId, ticket: run.ticket)
        await pacer.release(report.error.map(Self.signal) ?? .success)
        line.operationId = report.operationId
        line.error = report.outcome == .applied ? nil : report.errorText
        switch report.outcome {
        case .applied:
            line.state = .applied
            if case .status(let status)? = report.answer { line.statusAfter = status?.rawValue ?? settings.target.rawValue }
        case .refused: line.state = .refused
        case .unknown: line.state = .unknown
        case .notSent:
            line.state = .pending
            switch report.error {
            case .configuration?, .validation?, .keyPermissions?: stop(report.errorText)
            default: break
            }
        }
        if !report.recorded { stop("the audit trail cannot be written") }
        if case .httpStatus(429, _)? = report.error { return true }
        return false
    }

    private func save(_ line: BatchLine, was old: BatchLineState) async throws {
        try await journal.update(line, of: run.runId)
        progress.move(from: old, to: line.state)
    }

    /// A line's final state: queued, awaited by the caller after its next line has started.
    private func queueSave(_ line: BatchLine, was old: BatchLineState) -> PendingWrite {
        let write = journal.queueUpdate(line, of: run.runId)
        progress.move(from: old, to: line.state)
        return write
    }

    /// Asks the run to stop after the calls in flight (a signal, a person).
    public func requestStop(_ reason: String) { stop(reason) }

    private func stop(_ reason: String) {
        stopReason.withLock { if $0 == nil { $0 = reason } }
    }

    /// A transport failure counts towards a pause; a service answer counts as a success (the
    /// service is there); a 429 is paced by `rateLimited`, not here.
    static func signal(_ error: MusePayError) -> BatchPacer.Signal {
        switch error {
        case .transport: return .transportFailure
        case .httpStatus(let status, _) where status == 429 || status >= 500: return .neutral
        case .refused, .httpStatus: return .success
        default: return .neutral
        }
    }
}
