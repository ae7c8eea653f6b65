import Foundation
import MuseCardKit

/// One-time, short-lived tokens behind the sensitive-info URLs; a token works once, before it expires.
final class RevealVault: Sendable {
    private let entries = Locked<[String: (payload: JSONValue, expires: Date)]>([:])
    private let lifetime: TimeInterval
    private let clock: @Sendable () -> Date

    init(lifetime: TimeInterval, clock: @escaping @Sendable () -> Date) {
        self.lifetime = lifetime
        self.clock = clock
    }

    /// Stores the payload under a new random token, which it returns.
    func store(_ payload: JSONValue) -> String {
        let now = clock()
        let token = Nonce.make() + Nonce.make()
        let expires = now.addingTimeInterval(lifetime)
        entries.withLock { entries in
            entries = entries.filter { $0.value.expires > now }
            entries[token] = (payload, expires)
        }
        return token
    }

    /// The payload once; `nil` when unknown, used or expired.
    func redeem(_ token: String) -> JSONValue? {
        let now = clock()
        return entries.withLock { entries in
            guard let entry = entries.removeValue(forKey: token), entry.expires > now else { return nil }
            return entry.payload
        }
    }

    func clear() { entries.withLock { $0 = [:] } }
}
