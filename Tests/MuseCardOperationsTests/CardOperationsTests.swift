import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore
import MuseCardTestSupport
import Testing

/// The rules of the one path for changes, against the fake service: each row of the old
/// disagreement between the console and the command line has one behaviour now.
struct CardOperationsTests {
    typealias R = OperationsRig

    @Test func anAppliedLockIsAnnouncedThenRecordedAndTeachesTheCache() async throws {
        let rig = R(["/v1/card/lock": [R.status("C1", "LOCK")]])
        try await rig.cacheCard()
        let report = await rig.operations.perform(.lock(cardId: "C1"), userId: "U1", ticket: "SUP-1")
        #expect(report.outcome == .applied && report.answer == .status(.locked) && report.exitCode == 0)
        #expect(report.message == "lock C1: ok, now LOCK")
        let lines = await rig.entries
        #expect(lines.map(\.phase) == [.intent, .result])
        #expect(lines.map(\.operationId) == [report.operationId, report.operationId])
        #expect(lines[0].outcome == nil && lines[1].outcome == .applied && lines[1].values == ["status": "LOCK"])
        #expect(lines.allSatisfy { $0.action == "lock" && $0.ticket == "SUP-1" && $0.operatorName == "alice" && $0.cardId == "C1" })
        #expect(try await rig.cached("C1")?.record?.status == .locked)
    }

    @Test func theIntentIsDurableBeforeTheRequestLeaves() async throws {
        let audit = InMemoryAuditSink()
        let probe = ProbeService(audit: audit)
        let context = OperationContext(operatorName: "alice", sessionId: "S1", profile: "sandbox", readOnly: false)
        let operations = CardOperations(service: probe, audit: audit, journal: InMemoryJournal(), cache: nil, context: context)
        _ = await operations.perform(.unlock(cardId: "C1"), userId: "U1", ticket: nil)
        #expect(await probe.seenAtSend == [.intent], "the service was called with exactly the intent written")
    }

    @Test func whenTheAuditTrailCannotBeWrittenNothingIsSent() async throws {
        let rig = R(["/v1/card/lock": [R.status("C1", "LOCK")]], auditSink: BrokenAuditSink())
        let report = await rig.operations.perform(.lock(cardId: "C1"), userId: "U1", ticket: nil)
        #expect(report.outcome == .notSent && !report.recorded)
        #expect(rig.service.sent.isEmpty)
    }

    @Test func invalidInputIsNotSentAndHasNoIntent() async throws {
        let rig = R()
        let report = await rig.operations.perform(.updatePhone(cardId: "C1", areaCode: "86", phone: "12ab"), userId: "U1", ticket: nil)
        #expect(report.outcome == .notSent && report.exitCode == 64)
        #expect(report.message.hasPrefix("update-phone C1: not sent — phone_number"))
        let lines = await rig.entries
        #expect(lines.map(\.phase) == [.result], "an intent is written only for what will be sent")
        if case .notSent? = lines.first?.outcome {} else { Issue.record("audited as \(String(describing: lines.first?.outcome))") }
        #expect(rig.service.sent.isEmpty)
    }

    @Test func aReadOnlyProfileRefusesBeforeSending() async throws {
        let rig = R(["/v1/card/lock": [R.status("C1", "LOCK")]], readOnly: true)
        let report = await rig.operations.perform(.lock(cardId: "C1"), userId: "U1", ticket: nil)
        #expect(report.outcome == .notSent && report.exitCode == 78 && report.errorText.contains("read-only"))
        #expect(rig.service.sent.isEmpty)
    }

    @Test func oneVocabularyInTheAudit() async throws {
        let rig = R(["/v1/card/limitChange": [.ok(nil)], "/v1/card/card-sensitive-info": [.ok(["url": "https://x.test/r/1", "expiry": "2026"])]])
        _ = await rig.operations.perform(.changeLimit(cardId: "C1", amount: try DecimalAmount(parsing: "750.5")), userId: "U1", ticket: nil)
        _ = await rig.operations.perform(.sensitiveInfo(cardId: "C1", ipAddress: "127.0.0.1"), userId: "U1", ticket: nil)
        let names = await rig.entries.map(\.action)
        #expect(names == ["change-limit", "change-limit", "sensitive-info", "sensitive-info"])
        let text = await rig.entries.map { AuditLog.line($0) }.joined()
        #expect(!text.contains("x.test"), "the one-time link is never audited")
    }

    @Test(arguments: [
        (MusePayError.httpStatus(500, message: nil), Outcome.unknown, Int32(75)),
        (.httpStatus(503, message: nil), .unknown, 75),
        (.httpStatus(408, message: nil), .unknown, 75),
        (.httpStatus(429, message: nil), .notSent, 69),
        (.httpStatus(400, message: "INVALID_REQUEST"), .refused, 1),
        (.refused(code: "5004", message: "USER_STATUS_INVALID"), .refused, 1),
        (.transport(.timeout), .unknown, 75),
        (.transport(.connectionReset), .unknown, 75),
        (.transport(.connectionRefused), .notSent, 69),
        (.transport(.connectTimeout), .notSent, 69),
        (.undecodable("not JSON"), .unknown, 75),
    ])
    func everyErrorIsClassifiedOnce(_ error: MusePayError, _ outcome: Outcome, _ exit: Int32) async throws {
        let rig = R(["/v1/card/unlock": [.fail(error)]])
        let report = await rig.operations.perform(.unlock(cardId: "C1"), userId: "U1", ticket: nil)
        #expect(report.outcome == outcome)
        #expect(report.exitCode == exit)
        let result = try #require(await rig.entries.last)
        #expect(result.outcome?.name == outcome.rawValue, "the audit result reads the same classification")
        if outcome == .unknown { #expect(report.message.contains("outcome unknown — refresh the card")) }
    }

    @Test func aServerErrorOnReplaceKeepsItPendingAndTheNextReplaceReusesTheRequestId() async throws {
        let rig = R(["/v1/card/replace": [.fail(.httpStatus(500, message: nil)), R.status("C2", "PENDING_ACTIVE")]])
        try await rig.cacheCard()
        let first = await rig.operations.perform(.replace(cardId: "C1", reason: "LOST"), userId: "U1", ticket: nil)
        #expect(first.outcome == .unknown && first.exitCode == 75)
        #expect(await rig.journal.pendingJournal(userId: "U1").map(\.requestId) == [first.requestId].compactMap { $0 })
        #expect(try await rig.cached("C2") == nil, "nothing is assumed")
        let second = await rig.operations.perform(.replace(cardId: "C1", reason: "LOST"), userId: "U1", ticket: nil)
        #expect(second.requestId == first.requestId && second.resumedFrom == R.t0)
        #expect(rig.service.sent.map { $0.fields["request_id"] } == [first.requestId, first.requestId].map { $0.map(JSONValue.string) })
        #expect(second.outcome == .applied)
        #expect(await rig.journal.pendingJournal(userId: "U1").isEmpty, "a definite answer settles it")
        #expect(try await rig.cached("C1")?.record?.status == .canceled, "the old card reads CANCELED")
        #expect(try await rig.cached("C2")?.record?.status == .pendingActive, "the new card is added")
    }

    @Test func aRefusalSettlesTheJournalSoTheNextRequestIsNew() async throws {
        let rig = R(["/v1/card/replace": [.fail(.refused(code: "5005", message: "CARD_STATUS_INVALID")), R.status("C2", "PENDING_ACTIVE")]])
        let first = await rig.operations.perform(.replace(cardId: "C1", reason: "LOST"), userId: "U1", ticket: nil)
        #expect(first.outcome == .refused)
        let second = await rig.operations.perform(.replace(cardId: "C1", reason: "LOST"), userId: "U1", ticket: nil)
        #expect(second.requestId != first.requestId && second.resumedFrom == nil)
    }

    @Test func anApplicationIsTheSameRequestUntilItEnds() async throws {
        let receipt: FakeCardService.Answer = .ok(["apply_status": "APPLYING", "apply_id": "A1"])
        let rig = R(["/v1/card/apply": [receipt],
                     "/v1/card/apply-result": [.ok(["apply_status": "WAIT_AUDIT"]), .ok(["apply_status": "CARD_INIT", "card_id": "C7"])]])
        let parameters = ApplyParameters(productId: "P1", level: "1", areaCode: "86", phone: "13800001234", embossedName: nil)
        let applied = await rig.operations.perform(.apply(parameters), userId: "U1", ticket: nil)
        let id = try #require(applied.requestId)
        #expect(await rig.journal.pendingJournal(userId: "U1").first?.detail == "A1", "followed, not settled, by a receipt")
        #expect(await rig.operations.perform(.apply(parameters), userId: "U1", ticket: nil).requestId == id)
        _ = await rig.operations.applicationResult(userId: "U1", requestId: id, applyId: "A1")
        #expect(await rig.journal.pendingJournal(userId: "U1").count == 1)
        _ = await rig.operations.applicationResult(userId: "U1", requestId: id, applyId: "A1")
        #expect(await rig.journal.pendingJournal(userId: "U1").isEmpty, "an issued card ends it")
        #expect(try await rig.cached("C7") != nil, "and the issued card is the cardholder's")
        #expect(await rig.operations.perform(.apply(parameters), userId: "U1", ticket: nil).requestId != id)
    }

    @Test func aCardTheServiceDoesNotKnowIsNeverAdded() async throws {
        let rig = R(["/v1/card/lock": [.fail(.refused(code: "7000", message: "ORDER_NOT_EXIST"))],
                     "/v1/card/query": [.fail(.refused(code: "7000", message: "ORDER_NOT_EXIST"))]])
        let report = await rig.operations.perform(.lock(cardId: "C404"), userId: "U1", ticket: nil)
        #expect(report.outcome == .refused && report.cardUnknown)
        #expect(await rig.cache.cards(of: "U1").isEmpty)
        let query = await rig.operations.query(userId: "U1", cardId: "C404")
        #expect(query.cardUnknown)
        #expect(await rig.cache.cards(of: "U1").isEmpty)
    }

    @Test func anErrorIsNotedOnACardAlreadyKnown() async throws {
        let rig = R(["/v1/card/lock": [.fail(.httpStatus(500, message: nil))]])
        try await rig.cacheCard()
        _ = await rig.operations.perform(.lock(cardId: "C1"), userId: "U1", ticket: nil)
        let card = try #require(try await rig.cached("C1"))
        #expect(card.lastError?.contains("HTTP 500") == true)
        #expect(card.record?.status == .active, "an unknown outcome changes no status")
    }

    @Test func serviceTextInAReportIsSanitisedAndCut() async throws {
        let hostile = "\u{1B}]52;c;ZmFrZQ==\u{07}\u{1B}[2Jfake: ok\u{202E}" + String(repeating: "x", count: 5000)
        let rig = R(["/v1/card/lock": [.fail(.refused(code: "9\u{1B}[31m", message: hostile))]])
        let report = await rig.operations.perform(.lock(cardId: "C1"), userId: "U1", ticket: nil)
        #expect(!report.message.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(report.message.count < 600 && report.message.contains("more characters"))
        guard case .refused(let code, let message)? = await rig.entries.last?.outcome else { Issue.record("not refused"); return }
        #expect(!code.contains("\u{1B}") && !message.contains("\u{1B}") && message.count < 600)
    }

    @Test func inFlightCountsFromSendUntilRecorded() async throws {
        let gate = GateService()
        let context = OperationContext(operatorName: "alice", sessionId: "S1", profile: "sandbox", readOnly: false)
        let operations = CardOperations(service: gate, audit: InMemoryAuditSink(), journal: nil, cache: nil, context: context)
        let task = Task { await operations.perform(.lock(cardId: "C1"), userId: "U1", ticket: nil) }
        while await !gate.isWaiting { try await Task.sleep(for: .milliseconds(5)) }
        #expect(operations.inFlight.current == 1)
        #expect(await operations.inFlight.drain(timeout: .milliseconds(50)) == false)
        await gate.open()
        _ = await task.value
        #expect(await operations.inFlight.drain(timeout: .seconds(5)))
    }
}

/// Answers a lock, after noting which audit lines existed when the request left.
actor ProbeService: CardService {
    let audit: InMemoryAuditSink
    var seenAtSend: [AuditPhase] = []
    init(audit: InMemoryAuditSink) { self.audit = audit }

    nonisolated func send<Request: MusePayRequest>(_ request: Request) async throws(MusePayError) -> Request.Response {
        await note()
        return try Request.Response(data: ["user_id": "U1", "card_id": "C1", "card_status": "ACTIVE"])
    }

    private func note() async { seenAtSend = await audit.entries.map(\.phase) }
}

/// Holds every request until opened.
actor GateService: CardService {
    private var waiter: CheckedContinuation<Void, Never>?
    var isWaiting: Bool { waiter != nil }

    func open() { waiter?.resume(); waiter = nil }

    private func wait() async { await withCheckedContinuation { waiter = $0 } }

    nonisolated func send<Request: MusePayRequest>(_ request: Request) async throws(MusePayError) -> Request.Response {
        await wait()
        return try Request.Response(data: ["user_id": "U1", "card_id": "C1", "card_status": "LOCK"])
    }
}

/// An audit trail on a full disk.
struct BrokenAuditSink: AuditSink {
    struct Full: Error {}
    func append(_ entry: AuditEntry) async throws { throw Full() }
}
