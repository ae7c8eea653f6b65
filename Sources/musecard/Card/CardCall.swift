import ArgumentParser
import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore

/// Runs one `musecard card …` command through the operations layer and prints what it came to;
/// every rule about audit, journal, cache and exit codes lives in that layer.
enum CardCall {
    /// Performs a change; `render` turns an applied report (and, with `statusFirst`, the card's
    /// status just before, asked through the same client: "already locked" cannot be told apart
    /// from the answer alone) into the lines for standard output.
    static func perform(_ operation: CardOperation, userId: String, connection: ConnectionOptions, json: Bool,
                        requestId: String? = nil, statusFirst: Bool = false,
                        refine: ((CardOperations) async -> CardOperation?)? = nil,
                        render: (OperationReport, CardStatus?) -> [String]) async throws {
        LogSetup.commandLine()
        let session = try await StoreSession.open(connection, audited: true)
        var before: CardStatus?
        let report = try await withService(session) { operations in
            if statusFirst, let card = operation.cardId {
                before = try? await operations.query(userId: userId, cardId: card).result.get().status
            }
            // E.g. the last four digits asked on a terminal, once the card's record is known.
            let sent = await refine?(operations) ?? operation
            if session.settings.environment == .production {
                StandardError.print("musecard: PRODUCTION (profile \(session.settings.profileLabel)): \(sent.name.rawValue) acts on a real card")
            }
            if let pending = await operations.pendingEntry(for: sent, userId: userId, requestId: requestId) {
                StandardError.print("musecard: resuming the pending \(sent.name.rawValue) opened \(pending.createdAt.formatted(.iso8601)) with request_id \(ServiceText.sanitize(pending.requestId))")
            }
            return await SignalDeferral.whileRecording(operations.inFlight) {
                await operations.perform(sent, userId: userId, ticket: session.settings.ticket, requestId: requestId)
            }
        } refused: { operations, error in
            await operations.refuse(operation, userId: userId, ticket: session.settings.ticket, because: error)
        }
        for warning in report.warnings { StandardError.print("musecard: warning: \(ServiceText.message(warning))") }
        guard report.outcome == .applied else {
            var shown = report
            shown.error = report.error?.renamingField(ExitStatus.flags)
            StandardError.print("musecard: \(shown.message)")
            if report.cardUnknown, let card = operation.cardId {
                StandardError.print("musecard: MusePay does not know card \(ServiceText.sanitize(card)); it was not added (forget it with: musecard cards forget --user \(userId) --card \(ServiceText.sanitize(card)))")
            }
            throw ExitCode(report.exitCode)
        }
        if json, let value = report.answerJSON { print(value.prettyText()) } else { print(render(report, before).joined(separator: "\n")) }
        if report.exitCode != ExitCodes.success { throw ExitCode(report.exitCode) }
    }

    /// Queries one card through the layer (cached, never audited).
    static func query(userId: String, cardId: String, connection: ConnectionOptions, json: Bool) async throws {
        LogSetup.commandLine()
        let session = try await StoreSession.open(connection, audited: false)
        let report = try await withService(session) { operations in
            await operations.query(userId: userId, cardId: cardId)
        } refused: { _, error in throw ExitStatus.fail(error) }
        switch report.result {
        case .success(let record): print(json ? record.json.prettyText() : CardSummary.lines(record).joined(separator: "\n"))
        case .failure(let error): throw ExitStatus.fail(error)
        }
    }

    /// Finds cardholders through the layer (the index, and MusePay where an xid is known).
    static func find(_ queries: [CardholderQuery], connection: ConnectionOptions) async throws -> CardholderFindReport {
        LogSetup.commandLine()
        let session = try await StoreSession.open(connection, audited: false)
        return try await withService(session) { await $0.findCardholders(queries) } refused: { operations, error in
            // Without a service the index still answers.
            var report = await operations.findCardholders(queries)
            report.serviceError = error
            return report
        }
    }

    /// Pages of a card's transactions, newest first, up to `limit`.
    static func transactions(userId: String, cardId: String, filters: [String: String], limit: Int,
                             connection: ConnectionOptions) async throws -> [Transaction] {
        LogSetup.commandLine()
        let session = try await StoreSession.open(connection, audited: false)
        let result = try await withService(session) { operations -> Result<[Transaction], MusePayError> in
            var all: [Transaction] = []
            var page = 1
            let size = min(max(limit, 1), 1000)
            while all.count < limit {
                switch await operations.transactions(userId: userId, cardId: cardId, page: page, pageSize: size, filters: filters) {
                case .success(let answer):
                    all += answer.transactions
                    if answer.transactions.count < size { return .success(Array(all.prefix(limit))) }
                    page += 1
                case .failure(let error): return .failure(error)
                }
            }
            return .success(Array(all.prefix(limit)))
        } refused: { _, error in throw ExitStatus.fail(error) }
        switch result {
        case .success(let list): return list
        case .failure(let error): throw ExitStatus.fail(error)
        }
    }

    /// Asks where an application stands; an ended one settles the journal and adds the issued card.
    static func applicationResult(userId: String, requestId: String, applyId: String?, connection: ConnectionOptions, json: Bool) async throws {
        LogSetup.commandLine()
        let session = try await StoreSession.open(connection, audited: false)
        let result = try await withService(session) { operations in
            await operations.applicationResult(userId: userId, requestId: requestId, applyId: applyId)
        } refused: { _, error in throw ExitStatus.fail(error) }
        switch result {
        case .success(let answer):
            let s = ServiceText.sanitize
            let card = answer.cardId.map { ", card \(s($0))" } ?? ""
            print(json ? answer.json.prettyText() : "Application \(s(answer.applyId ?? "?")) is \(s(answer.applyStatus?.rawValue ?? "?"))\(card).")
        case .failure(let error): throw ExitStatus.fail(error)
        }
    }

    /// Builds the client from the settings and runs `work` with the layer over it; when the client
    /// cannot be configured, `refused` gets the layer over no service and the reason.
    private static func withService<T>(_ session: StoreSession, _ work: (CardOperations) async -> T,
                                       refused: (CardOperations, MusePayError) async throws -> T) async throws -> T {
        let configuration: ClientConfiguration
        do { configuration = try session.settings.clientConfiguration() } catch {
            let result: Result<T, any Error>
            do { result = .success(try await refused(session.operations(service: UnavailableService(error: error)), error)) } catch {
                result = .failure(error)
            }
            await session.close()
            return try result.get()
        }
        let client = MusePayClient(configuration: configuration)
        let result = await work(session.operations(service: client))
        await client.shutdown()
        await session.close()
        return result
    }
}

