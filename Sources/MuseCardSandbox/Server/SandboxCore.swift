import Foundation
import MuseCardKit

/// The sandbox without its HTTP server: checks, state machine, faults and stats.
final class SandboxCore: Sendable {
    let options: SandboxOptions
    let gate: RequestGate
    let faults: FaultInjector
    let vault: RevealVault
    let stats = SandboxStats()
    let cardRequests = CardRequestLog()
    let book: Locked<CardBook>
    /// `http://host:port`, known once the server listens; reveal URLs start with it.
    let baseURL = Locked<String>("")
    /// PKCS#8 DER of the platform private key (the key object is made per use).
    let platformKeyDER: Data

    init(options: SandboxOptions) throws(MusePayError) {
        self.options = options
        gate = try RequestGate(partnerId: options.partnerId, partnerPublicKey: options.partnerPublicKey,
                               window: options.timestampWindow.seconds, clock: options.clock)
        faults = FaultInjector(plan: options.faults, seed: options.seed)
        vault = RevealVault(lifetime: options.revealLifetime.seconds, clock: options.clock)
        book = Locked(Self.book(options, now: options.clock()))
        platformKeyDER = try PINDecryptor.der(options.platformPrivateKey)
    }

    var now: Date { options.clock() }

    /// Back to the initial state: demo data, no nonces, no reveal tokens, no stats.
    func reset() {
        book.withLock { $0 = Self.book(options, now: now) }
        gate.clearNonces()
        vault.clear()
        stats.reset()
        cardRequests.reset()
    }

    static func book(_ options: SandboxOptions, now: Date) -> CardBook {
        var book = CardBook(auditDelay: options.auditDelay.seconds, now: now, demoData: options.demoData)
        book.generate(count: options.generatedCards, now: now)
        return book
    }

    /// Answers one `POST /v1/…`: faults first, then the gate, then the endpoint.
    func handle(path: String, bytes: [UInt8]) async -> Reply {
        guard let endpoint = Endpoint.all[path] else {
            let reply = Reply.rejected(.notFound(path), codeAsString: false)
            stats.record(path: path, reason: reply.reason)
            return reply
        }
        let (delay, fault) = faults.decide(path: path)
        if delay > .zero { try? await Task.sleep(for: delay) }
        let reply = answer(endpoint, fault: fault, bytes: bytes)
        stats.record(path: path, reason: reply.reason)
        if path != "/v1/card/query", let cardId = (try? JSONParser.parse(bytes))?["card_id"]?.scalarText {
            cardRequests.record(cardId: cardId, path: path, definite: fault == .none)
        }
        return reply
    }

    private func answer(_ endpoint: Endpoint, fault: FaultDecision, bytes: [UInt8]) -> Reply {
        switch fault {
        case .serverError:
            return Reply(status: 500, body: #"{"code":500,"message":"INTERNAL_SERVER_ERROR: sandbox fault"}"#, reason: fault.name)
        case .rateLimited(let seconds):
            return Reply(status: 429, body: #"{"code":429,"message":"RATE_LIMIT_REACHED"}"#,
                         headers: ["Retry-After": String(seconds)], reason: fault.name)
        case .drop:
            return Reply(status: 500, body: "", drop: true, reason: fault.name)
        case .malformed:
            return Reply(status: 200, body: #"{"code":200,"message":"success","data":{"card_id":"VC"#, reason: fault.name)
        case .none:
            break
        }
        do {
            let body = try gate.admit(bytes)
            return .success(try endpoint.handle(self, FieldReader(body: body)), codeAsString: endpoint.codeAsString)
        } catch {
            return .rejected(error, codeAsString: endpoint.codeAsString)
        }
    }
}
