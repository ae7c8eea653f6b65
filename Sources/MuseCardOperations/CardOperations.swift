import Foundation
import MuseCardKit
import MuseCardStore

/// The only way a change reaches MusePay: validate, check read-only, journal idempotent requests,
/// write the audit intent (durable) before sending, send, classify once, write the audit result,
/// teach the cache, report. The console, every `musecard card …` command and batch runs call it.
public final class CardOperations: Sendable {
    let service: any CardService
    let audit: any AuditSink
    /// `nil` when the journal could not be opened: apply and replace are then refused unsent.
    let journal: (any JournalStore)?
    /// `nil` when there is no cache: nothing is learnt, nothing is lost.
    let cache: (any CardCache)?
    let context: OperationContext
    /// The team store's approvals and channel; `nil` for the embedded single-agent store.
    public let team: TeamServices?
    let clock: @Sendable () -> Date
    /// What is between its intent and its result right now.
    public let inFlight = InFlightRegistry()

    public init(service: any CardService, audit: any AuditSink, journal: (any JournalStore)?, cache: (any CardCache)?,
                context: OperationContext, team: TeamServices? = nil, clock: @escaping @Sendable () -> Date = Date.init) {
        self.team = team
        self.service = service
        self.audit = audit
        self.journal = journal
        self.cache = cache
        self.context = context
        self.clock = clock
    }

    /// Who the audit names: the team store's identity (the database stamps it anyway), else the context's operator.
    public var operatorName: String { team?.channel.identity ?? context.operatorName }

    /// Performs one operation for `userId` under `ticket`. Apply and replace re-use a pending
    /// request of the same card or product (or `requestId` when given) until a definite answer.
    /// In a team, a change to a card runs holding that card's lock: another agent's waits.
    /// `runId` ties the operations of one confirmed change of several cards together in the audit
    /// trail (the context's run id when not given).
    public func perform(_ operation: CardOperation, userId: String, ticket: String?, requestId given: String? = nil,
                        runId: String? = nil) async -> OperationReport {
        guard let team, let cardId = operation.cardId else {
            return await performHere(operation, userId: userId, ticket: ticket, requestId: given, runId: runId)
        }
        do {
            return try await team.channel.withCardLock(userId: userId, cardId: cardId) {
                await self.performHere(operation, userId: userId, ticket: ticket, requestId: given, runId: runId)
            }
        } catch {
            return await refuse(operation, userId: userId, ticket: ticket, because: Self.storeAway(error), runId: runId)
        }
    }

    /// A new id for a change of several cards confirmed at once (the console's marked cards, `L`).
    public static func newRunId() -> String { "run-" + Nonce.make().prefix(12).lowercased() }

    private func performHere(_ operation: CardOperation, userId: String, ticket: String?, requestId given: String?,
                             runId: String?) async -> OperationReport {
        let operationId = "op-" + Nonce.make().prefix(16)
        var report = OperationReport(operationId: operationId, operation: operation, userId: userId, outcome: .notSent, at: clock())
        let stamp = AuditStamp(operations: self, report: report, ticket: ticket, runId: runId ?? context.runId)
        let journalled = operation.name.isJournalled
        var entry: JournalEntry?
        if journalled {
            do throws(MusePayError) {
                let found = try await journalEntry(for: operation, userId: userId, requestId: given)
                entry = found.entry
                if found.isPending { report.resumedFrom = found.entry.createdAt }
            } catch {
                return await notSent(error, report: report, stamp: stamp, parameters: [:])
            }
            report.requestId = entry?.requestId
        }
        var call = PreparedCall.make(operation, userId: userId, requestId: report.requestId)
        do throws(MusePayError) {
            try call.validate()
            if context.readOnly {
                throw .configuration("profile \(context.profile) is read-only; \(operation.name.rawValue) is not allowed")
            }
            // A sensitive unlock shows its check (an approval is spent here, before the intent).
            if case .unlock(let cardId, let check) = operation {
                call.auditParameters.merge(try await authoriseUnlock(userId: userId, cardId: cardId, check: check)) { own, _ in own }
            }
        } catch {
            return await notSent(error, report: report, stamp: stamp, parameters: call.auditParameters)
        }
        if let entry, report.resumedFrom == nil {
            do { try await journal?.openJournal(entry) } catch {
                return await notSent(.configuration("the journal cannot be written: \(error)"), report: report, stamp: stamp,
                                     parameters: call.auditParameters)
            }
        }
        // Recorded before it is sent: no intent, no request.
        do { try await audit.append(stamp.entry(phase: .intent, parameters: call.auditParameters, requestId: report.requestId)) } catch {
            return await notSent(.configuration("the audit trail cannot be written: \(error)"), report: report, stamp: stamp,
                                 parameters: call.auditParameters, writeAudit: false)
        }
        inFlight.begin()
        defer { inFlight.end() }
        do throws(MusePayError) {
            (report.answer, report.answerJSON) = try await call.send(service)
            report.outcome = .applied
        } catch {
            report.error = error
            report.outcome = error.changeOutcome
        }
        report.at = clock()
        if let id = report.requestId { await settleJournal(id, report: &report) }
        let result = stamp.entry(phase: .result, parameters: call.auditParameters, requestId: report.requestId,
                                 outcome: auditOutcome(report), values: report.answer?.auditValues ?? [:], at: report.at)
        do { try await audit.append(result) } catch {
            report.recorded = false
            report.warnings.append("the audit trail cannot be written: \(error)")
        }
        await learn(from: &report)
        return report
    }

    /// Records an operation that cannot be sent (e.g. the client could not be configured) as `not-sent`.
    public func refuse(_ operation: CardOperation, userId: String, ticket: String?, because error: MusePayError,
                       runId: String? = nil) async -> OperationReport {
        let report = OperationReport(operationId: "op-" + Nonce.make().prefix(16), operation: operation, userId: userId,
                                     outcome: .notSent, at: clock())
        let parameters = PreparedCall.make(operation, userId: userId, requestId: nil).auditParameters
        let stamp = AuditStamp(operations: self, report: report, ticket: ticket, runId: runId ?? context.runId)
        return await notSent(error, report: report, stamp: stamp, parameters: parameters)
    }

    /// A report of an operation that was never sent, with its `not-sent` result line (no intent).
    private func notSent(_ error: MusePayError, report: OperationReport, stamp: AuditStamp, parameters: [String: String],
                         writeAudit: Bool = true) async -> OperationReport {
        var report = report
        report.error = error
        report.outcome = .notSent
        guard writeAudit else { report.recorded = false; return report }
        let line = stamp.entry(phase: .result, parameters: parameters, requestId: report.requestId,
                               outcome: .notSent(ServiceText.message(error.description)), at: report.at)
        do { try await audit.append(line) } catch {
            report.recorded = false
            report.warnings.append("the audit trail cannot be written: \(error)")
        }
        return report
    }

    func auditOutcome(_ report: OperationReport) -> AuditOutcome {
        let text = report.errorText
        switch report.outcome {
        case .applied: return .applied
        case .refused:
            if case .refused(let code, let message)? = report.error {
                return .refused(code: ServiceText.sanitize(code), message: ServiceText.message(message))
            }
            if case .httpStatus(let status, _)? = report.error { return .refused(code: "HTTP \(status)", message: text) }
            return .refused(code: "", message: text)
        case .notSent: return .notSent(text)
        case .unknown: return .unknown(text)
        }
    }
}

/// The fields every audit line of one operation shares.
struct AuditStamp: Sendable {
    let operations: CardOperations
    let report: OperationReport
    let ticket: String?
    let runId: String?

    func entry(phase: AuditPhase, parameters: [String: String], requestId: String?, outcome: AuditOutcome? = nil,
               values: [String: String] = [:], at: Date? = nil) -> AuditEntry {
        let context = operations.context
        return AuditEntry(time: at ?? operations.clock(), operatorName: operations.operatorName, sessionId: context.sessionId,
                          ticket: ticket, profile: context.profile, userId: report.userId, cardId: report.operation.cardId,
                          action: report.operation.name.rawValue, parameters: parameters, phase: phase, outcome: outcome,
                          values: values, requestId: requestId, operationId: report.operationId, runId: runId)
    }
}
