import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardStore

/// Runs one request from the command line: validate, configure, journal, send, audit, cache, print, exit code.
enum CardCall {
    static func run<Request: StoredRequest>(
        _ request: Request, connection: ConnectionOptions, json: Bool, session given: StoreSession? = nil,
        journal: JournalEntry? = nil, render: (Request.Response) -> [String]
    ) async throws {
        LogSetup.commandLine()
        let session = try given ?? StoreSession.open(connection, audited: Request.isAudited)
        func audit(_ outcome: AuditOutcome) async -> Bool {
            guard Request.isAudited else { return true }
            return await session.record(userId: request.storeUserId, cardId: request.storeCardId, action: Request.action,
                                        parameters: request.auditParameters, outcome: outcome, requestId: request.storeRequestId)
        }
        func failBeforeSending(_ error: MusePayError) async -> ExitCode {
            _ = await audit(.failed(error.description))
            return ExitStatus.fail(error)
        }
        do { try request.validate() } catch { throw await failBeforeSending(error) }
        if Request.isAudited, session.settings.readOnly {
            throw await failBeforeSending(.configuration("profile \(session.settings.profileLabel) is read-only; \(Request.action) is not allowed"))
        }
        let configuration: ClientConfiguration
        do { configuration = try session.settings.clientConfiguration() } catch { throw await failBeforeSending(error) }
        if Request.isAudited, session.settings.environment == .production {
            StandardError.print("musecard: PRODUCTION (profile \(session.settings.profileLabel)): \(Request.action) acts on a real card")
        }
        // The journal entry exists before the request leaves, so a crash mid-way resumes with the same request_id.
        if let journal { await session.withCache { try await $0.openJournal(journal) } }
        let client = MusePayClient(configuration: configuration)
        let result: Result<Request.Response, MusePayError>
        do { result = .success(try await client.send(request)) } catch { result = .failure(error) }
        await client.shutdown()
        let now = Date()
        switch result {
        case .success(let answer):
            let audited = await audit(.ok)
            await session.withCache { cache in
                try await request.remember(answer, in: cache, at: now)
                if let journal { try await cache.updateJournal(requestId: journal.requestId, state: .done, cardId: nil,
                                                               detail: JournalNote.detail(of: answer), at: now) }
            }
            let lines = json ? [answer.json.prettyText()] : render(answer)
            print(lines.joined(separator: "\n"))
            if !audited { throw ExitCode(StoreExit.ioError) }
        case .failure(let error):
            _ = await audit(AuditOutcome(error))
            await session.withCache { cache in
                if let card = request.storeCardId {
                    try await cache.saveError(userId: request.storeUserId, cardId: card, message: error.description, at: now)
                }
                if let journal {
                    // Only a definite answer settles it; a lost one stays pending for a resend with the same id.
                    let state: JournalState = JournalNote.isSettled(error) ? .failed : .pending
                    try await cache.updateJournal(requestId: journal.requestId, state: state, cardId: nil, detail: error.description, at: now)
                }
            }
            throw ExitStatus.fail(error)
        }
    }
}

extension AuditOutcome {
    /// A service refusal keeps its code and message; anything else is a failure with its one-line text.
    init(_ error: MusePayError) {
        if case .refused(let code, let message) = error { self = .refused(code: code, message: message) } else { self = .failed(error.description) }
    }
}
