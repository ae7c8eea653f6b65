import Foundation
import MuseCardKit

/// The checks every `/v1/…` request passes before its endpoint sees it: JSON object,
/// common fields, partner, signature, timestamp window and fresh nonce.
final class RequestGate: Sendable {
    private let partnerId: String
    private let verifier: SignatureVerifier
    private let window: TimeInterval
    private let clock: @Sendable () -> Date
    private let nonces: Locked<NonceLedger>

    init(partnerId: String, partnerPublicKey: String, window: TimeInterval, clock: @escaping @Sendable () -> Date) throws(MusePayError) {
        self.partnerId = partnerId
        verifier = try SignatureVerifier(text: partnerPublicKey, source: "partner public key")
        self.window = window
        self.clock = clock
        nonces = Locked(NonceLedger(retention: window * 2))
    }

    /// Forgets every nonce (sandbox reset).
    func clearNonces() { nonces.withLock { $0 = NonceLedger(retention: window * 2) } }

    /// The checked body, or why it is turned down.
    func admit(_ bytes: [UInt8]) throws(Rejection) -> [String: JSONValue] {
        let document: JSONValue
        do { document = try JSONParser.parse(bytes) } catch {
            throw .invalid("body", "is not valid JSON (\(error.description))")
        }
        guard case .object(let body) = document else { throw .invalid("body", "must be a JSON object") }
        for field in ["partner_id", "sign_type", "timestamp", "nonce", "sign"] {
            guard let value = body[field], !value.isBlank else { throw .missing(field) }
            guard value.scalarText != nil else { throw .invalid(field, "must be a string") }
        }
        let partner = body["partner_id"]?.scalarText ?? ""
        guard partner == partnerId else { throw .notAuthorized(partner) }
        guard body["sign_type"]?.scalarText == "RSA" else { throw .invalid("sign_type", "must be RSA") }
        let stamp = try timestamp(body["timestamp"]?.scalarText ?? "")
        guard verifier.isValid(signature: body["sign"]?.scalarText ?? "", body: body) else { throw .signError }
        let now = clock()
        let skew = stamp - now.timeIntervalSince1970
        guard abs(skew) <= window else {
            throw .timestampOrNonce("timestamp is \(Int(skew.rounded())) s away from the sandbox clock (allowed ±\(Int(window)) s)")
        }
        let nonce = body["nonce"]?.scalarText ?? ""
        guard nonce.utf8.count <= 128 else { throw .invalid("nonce", "must be at most 128 characters") }
        let fresh = nonces.withLock { $0.use(nonce, now: now) }
        guard fresh else { throw .timestampOrNonce("nonce \(nonce.prefix(40)) was already used") }
        return body
    }

    /// Epoch seconds from seconds or milliseconds, told apart by magnitude.
    private func timestamp(_ text: String) throws(Rejection) -> TimeInterval {
        guard !text.isEmpty, text.utf8.count <= 16, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Double(text) else {
            throw .invalid("timestamp", "must be epoch seconds or milliseconds as digits")
        }
        // Seconds stay below 1e11 until the year 5138; milliseconds passed 1e11 in 1973.
        return value >= 1e11 ? value / 1000 : value
    }
}
