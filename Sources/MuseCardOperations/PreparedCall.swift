import MuseCardKit

/// One operation turned into its typed request: checked, described for the audit, sent.
struct PreparedCall: Sendable {
    let validate: @Sendable () throws(MusePayError) -> Void
    /// The request's parameters as the audit may keep them: no secrets, phone masked.
    var auditParameters: [String: String]
    /// Sends, and gives the answer with its decoded JSON (for `--json`; none for the one-time link).
    let send: @Sendable (any CardService) async throws(MusePayError) -> (OperationAnswer, JSONValue?)

    init<Request: MusePayRequest>(_ request: Request, recording reason: LockReason? = nil,
                                  answer: @escaping @Sendable (Request.Response) -> OperationAnswer) {
        validate = { () throws(MusePayError) in
            try request.validate()
            try reason?.validate()
        }
        auditParameters = request.auditParameters.merging(reason?.auditParameters ?? [:]) { own, _ in own }
        send = { service throws(MusePayError) in
            let response = try await service.send(request)
            let value = answer(response)
            if case .sensitiveLink = value { return (value, nil) }
            return (value, response.json)
        }
    }

    /// The request for `operation` on behalf of `userId`; `requestId` for apply and replace.
    static func make(_ operation: CardOperation, userId: String, requestId: String?) -> PreparedCall {
        let id = requestId ?? ""
        switch operation {
        case .lock(let card, let reason):
            return PreparedCall(LockCardRequest(userId: userId, cardId: card), recording: reason) { .status($0.status) }
        case .unlock(let card, _): return PreparedCall(UnlockCardRequest(userId: userId, cardId: card)) { .status($0.status) }
        case .activate(let card): return PreparedCall(ActivateCardRequest(userId: userId, cardId: card)) { .status($0.status) }
        case .activatePhysical(let card):
            return PreparedCall(ActivatePhysicalCardRequest(userId: userId, cardId: card)) { .status($0.status) }
        case .updatePhone(let card, let area, let phone):
            return PreparedCall(UpdatePhoneRequest(userId: userId, cardId: card, phoneAreaCode: area, phoneNumber: phone)) { _ in .done }
        case .changeLimit(let card, let amount):
            return PreparedCall(LimitChangeRequest(userId: userId, cardId: card, dailyPurchaseLimit: amount)) { _ in .done }
        case .changePIN(let card, let pin):
            return PreparedCall(ChangePINRequest(userId: userId, cardId: card, pin: pin)) { _ in .done }
        case .replace(let card, let reason):
            let request = ReplaceCardRequest(userId: userId, originalCardId: card, replaceReason: reason, requestId: id)
            return PreparedCall(request) { .replaced(newCardId: $0.cardId, newStatus: $0.status) }
        case .sensitiveInfo(let card, let ip):
            return PreparedCall(SensitiveInfoRequest(userId: userId, cardId: card, ipAddress: ip)) { .sensitiveLink(url: $0.url, expiry: $0.expiry) }
        case .txnVerify(let card, let verification, let token, let confirm):
            var call = confirm
                ? PreparedCall(TxnVerificationRequest(userId: userId, requestId: verification, cardId: card, token: token)) { _ in .done }
                : PreparedCall(TxnVerificationDeclineRequest(userId: userId, requestId: verification, cardId: card, token: token)) { _ in .done }
            call.auditParameters = ["verification_request_id": verification, "decision": confirm ? "confirm" : "decline"]
            return call
        case .apply(let p):
            let request = ApplyCardRequest(userId: userId, requestId: id, cardProductId: p.productId, cardLevel: p.level,
                                           phoneAreaCode: p.areaCode, phoneNumber: p.phone, embossedName: p.embossedName)
            return PreparedCall(request) { .applied($0) }
        }
    }
}
