import Foundation
import MuseCardKit
import MuseCardStore

/// Sends a confirmed command, journals apply/replace, and audits the outcome before reporting it.
struct CommandExecutor: Sendable {
    let env: ConsoleEnvironment

    func execute(_ command: CardCommand, userId: String, ticket: String?, send: @escaping @Sendable (ConsoleAction) -> Void) async {
        let context = CallContext(command: command, userId: userId, ticket: ticket, requestId: nil, send: send)
        switch command {
        case .lock(let id): await status(LockCardRequest(userId: userId, cardId: id), context)
        case .unlock(let id): await status(UnlockCardRequest(userId: userId, cardId: id), context)
        case .activate(let id): await status(ActivateCardRequest(userId: userId, cardId: id), context)
        case .activatePhysical(let id): await status(ActivatePhysicalCardRequest(userId: userId, cardId: id), context)
        case .updatePhone(let id, let area, let phone):
            await call(UpdatePhoneRequest(userId: userId, cardId: id, phoneAreaCode: area, phoneNumber: phone), context) { _ in .done(cardId: id) }
        case .changeLimit(let id, let amount):
            await call(LimitChangeRequest(userId: userId, cardId: id, dailyPurchaseLimit: amount), context) { _ in .done(cardId: id) }
        case .changePIN(let id, let pin):
            await call(ChangePINRequest(userId: userId, cardId: id, pin: pin), context) { _ in .done(cardId: id) }
        case .sensitiveInfo(let id, let ip):
            let request = SensitiveInfoRequest(userId: userId, cardId: id, ipAddress: ip)
            await call(request, context) { .sensitiveLink(cardId: id, url: $0.url, expiry: $0.expiry) }
        case .replace(let id, let reason):
            await replace(cardId: id, reason: reason, userId: userId, ticket: ticket, send: send)
        case .apply(let parameters):
            await apply(parameters, userId: userId, ticket: ticket, send: send)
        case .lockAll(let ids):
            await lockAll(ids, userId: userId, ticket: ticket, send: send)
        }
    }

    private func status<R: CardScopedRequest>(_ request: R, _ context: CallContext) async where R.Response == CardStatusChange {
        await call(request, context) { .status(cardId: request.cardId, $0.status) }
    }

    /// Sends, audits (written and flushed), then reports; returns the result for callers that continue.
    @discardableResult
    func call<R: MusePayRequest>(_ request: R, _ context: CallContext,
                                 outcome: (R.Response) -> CommandOutcome) async -> Result<R.Response, MusePayError> {
        let result: Result<R.Response, MusePayError>
        do throws(MusePayError) { result = .success(try await env.client.send(request)) } catch { result = .failure(error) }
        await audit(context, parameters: request.auditParameters, result: result.map { _ in () })
        context.send(.commandFinished(userId: context.userId, context.command, result.map(outcome), at: env.now()))
        return result
    }

    func audit(_ context: CallContext, parameters: [String: String], result: Result<Void, MusePayError>) async {
        let command = context.command
        let outcome: AuditOutcome
        switch result {
        case .success: outcome = .ok
        case .failure(.refused(let code, let message)): outcome = .refused(code: code, message: message)
        case .failure(.httpStatus(let status, let message)): outcome = .refused(code: "HTTP \(status)", message: message ?? "")
        case .failure(let error): outcome = .failed(error.description)
        }
        let entry = AuditEntry(time: env.now(), operatorName: env.session.operatorName, sessionId: env.session.sessionId,
                               ticket: context.ticket, profile: env.session.profile, userId: context.userId, cardId: command.cardId,
                               action: command.action, parameters: parameters, outcome: outcome, requestId: context.requestId)
        do { try await env.audit.append(entry) } catch { context.send(.storeFailed("audit trail: \(error)")) }
    }
}

/// Who asked for what, carried through one call.
struct CallContext: Sendable {
    var command: CardCommand
    var userId: String
    var ticket: String?
    var requestId: String?
    var send: @Sendable (ConsoleAction) -> Void
}
