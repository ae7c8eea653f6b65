import Foundation

/// Everything that shapes one sandbox: where it listens, whose keys it trusts, how it misbehaves.
public struct SandboxOptions: Sendable {
    /// TCP port; 0 picks a free one (read it back from `SandboxServer.baseURL`).
    public var port: Int
    /// Address to bind; anything but loopback needs `allowRemote`.
    public var host: String
    /// The one partner id the sandbox knows; others get HTTP 401.
    public var partnerId: String
    /// The partner public key (PEM or base64 DER) that request signatures are checked with.
    public var partnerPublicKey: String
    /// The platform private key (PEM or base64 DER) that card PINs are decrypted with.
    public var platformPrivateKey: String
    /// Latency, jitter and faults (500, 429, dropped connections, malformed JSON).
    public var faults: FaultPlan
    /// Seed of the fault dice, so a run misbehaves the same way twice.
    public var seed: UInt64
    /// Load the demo cardholders and cards.
    public var demoData: Bool
    /// Numbered ACTIVE cards to add (see `GeneratedCards`).
    public var generatedCards: Int
    /// How long an application takes from `APPLYING` to `CARD_INIT`.
    public var auditDelay: Duration
    /// How long a sensitive-info URL stays usable.
    public var revealLifetime: Duration
    /// How far a request's timestamp may be from the sandbox clock.
    public var timestampWindow: Duration
    /// Permit binding to a non-loopback address.
    public var allowRemote: Bool
    /// The sandbox's idea of now; tests inject one they can move.
    public var clock: @Sendable () -> Date

    public init(port: Int = 0, host: String = "127.0.0.1", partnerId: String = "200001",
                partnerPublicKey: String = DemoKeys.partnerPublicKey,
                platformPrivateKey: String = DemoKeys.platformPrivateKey,
                faults: FaultPlan = FaultPlan(), seed: UInt64 = 1, demoData: Bool = true, generatedCards: Int = 0,
                auditDelay: Duration = .seconds(2), revealLifetime: Duration = .seconds(300),
                timestampWindow: Duration = .seconds(300), allowRemote: Bool = false,
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.port = port
        self.host = host
        self.partnerId = partnerId
        self.partnerPublicKey = partnerPublicKey
        self.platformPrivateKey = platformPrivateKey
        self.faults = faults
        self.seed = seed
        self.demoData = demoData
        self.generatedCards = max(0, generatedCards)
        self.auditDelay = auditDelay
        self.revealLifetime = revealLifetime
        self.timestampWindow = timestampWindow
        self.allowRemote = allowRemote
        self.clock = clock
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var seconds: Double {
        let (whole, atto) = components
        return Double(whole) + Double(atto) / 1e18
    }
}
