import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardSandbox
import MuseCardStore
import MuseCardTestSupport
@testable import MuseCardViewModel
import Testing

/// The console runtime through the operations layer against the sandbox: a lost replace stays
/// pending, is offered (never re-sent) on opening, and goes out under the same request_id on yes.
@Suite(.serialized)
struct ConsoleOnePathTests {
    static let scope = StoreScope(profile: "sandbox", partnerId: "200001")

    /// A console session over `server` with its stores in `folder` (the same folder = the same agent's files).
    static func console(_ server: SandboxServer, folder: URL, client: MusePayClient) throws -> ConsoleRuntime {
        let cache = try SQLiteCardCache(path: folder.appendingPathComponent("cache.sqlite").path, scope: scope)
        let journal = try SQLiteJournal(path: folder.appendingPathComponent("journal.sqlite").path, scope: scope)
        let audit = try AuditLog(path: folder.appendingPathComponent("audit.jsonl").path)
        let session = SessionInfo(sessionId: "one-path", operatorName: "tester", profile: "sandbox", environment: "SANDBOX", startedAt: Date())
        let context = OperationContext(operatorName: "tester", sessionId: "one-path", profile: "sandbox", readOnly: false)
        let operations = CardOperations(service: client, audit: audit, journal: journal, cache: cache, context: context)
        let env = ConsoleEnvironment(operations: operations, cache: cache, session: session)
        return ConsoleRuntime(state: ConsoleState(session: session), runner: LiveEffectRunner(environment: env))
    }

    static func eventually(_ runtime: ConsoleRuntime, _ what: String, _ condition: (ConsoleState) -> Bool) async throws {
        for _ in 0..<1200 {
            if condition(runtime.state) { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        Issue.record("timed out waiting for \(what); flash: \(String(describing: runtime.state.ui.flash))")
        throw CancellationError()
    }

    static func replaceRequests(_ server: SandboxServer) -> Int {
        Int(server.statsJSON["paths"]?["/v1/card/replace"]?["requests"]?.scalarText ?? "0") ?? 0
    }

    @Test func aLostReplaceIsOfferedOnOpeningAndResumedOnlyOnYes() async throws {
        let server = try await SandboxServer.start(SandboxOptions())
        let client = MusePayClient(configuration: try server.demoClientConfiguration())
        let folder = Fixtures.scratchPath("musecard-onepath")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let holder = "60004408", card = "VC1000000001"
        let seed = try SQLiteCardCache(path: folder.appendingPathComponent("cache.sqlite").path, scope: Self.scope)
        for id in DemoData.cardholders.first(where: { $0.userId == holder })?.cardIds ?? [] { try await seed.addCard(userId: holder, cardId: id, at: Date()) }

        // First session: every replace attempt answers 500, so the outcome is unknown.
        server.setFaults(FaultPlan(paths: ["/v1/card/replace": FaultRule(serverErrorRate: 1, limit: 3)]))
        let first = try Self.console(server, folder: folder, client: client)
        first.send(.openCardholder(userId: holder, label: nil, ticket: "SUP-9"))
        try await Self.eventually(first, "cards") { $0.data.cards.count == 4 && $0.data.cards.allSatisfy { $0.record != nil && !$0.isLoading } }
        first.send(.keyPressed("g"))
        let entries = ConsoleReducer().menuEntries(first.state)
        let index = try #require(entries.firstIndex { $0.action == .replace })
        first.send(.keyPressed("a"))
        for _ in 0..<index { first.send(.keyPressed("j")) }
        for key in ["enter", "enter", "y"] { first.send(.keyPressed(key)) }
        try await Self.eventually(first, "outcome unknown") { $0.ui.flash?.text.contains("outcome unknown — refresh the card") == true }
        #expect(first.state.data.card(card)?.status == .active, "nothing is assumed about an unknown outcome")
        let intent = try #require(try AuditLog.read(path: folder.appendingPathComponent("audit.jsonl").path, filter: AuditFilter())
            .first { $0.action == "replace" && $0.phase == .intent })
        let requestId = try #require(intent.requestId)

        // Second session on the same files: the replace is shown, not sent.
        let before = Self.replaceRequests(server)
        let second = try Self.console(server, folder: folder, client: client)
        second.send(.openCardholder(userId: holder, label: nil, ticket: "SUP-9"))
        try await Self.eventually(second, "resume offered") { state in
            if case .confirm(let confirmation)? = state.ui.modal { return confirmation.command == .resume(JournalEntry(kind: .replace, requestId: requestId, userId: holder, cardId: card, parameters: ["replace_reason": "LOST"], createdAt: intent.time)) || confirmation.title == "Interrupted replace" }
            return false
        }
        try await Self.eventually(second, "cards") { $0.data.cards.allSatisfy { !$0.isLoading } }
        #expect(Self.replaceRequests(server) == before, "opening the cardholder sent nothing")
        second.send(.keyPressed("y"))
        try await Self.eventually(second, "replaced") { $0.data.cards.count == 5 && $0.data.card(card)?.status == .canceled }
        let results = try AuditLog.read(path: folder.appendingPathComponent("audit.jsonl").path, filter: AuditFilter())
            .filter { $0.action == "replace" && $0.phase == .result }
        #expect(results.map(\.requestId) == [requestId, requestId], "the same request, twice: once unknown, once applied")
        #expect(results.last?.outcome == .applied)
        #expect(Self.replaceRequests(server) == before + 1)
        await client.shutdown()
        await server.stop()
    }
}
