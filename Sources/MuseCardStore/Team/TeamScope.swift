/// Which service a team-database row belongs to: the MusePay partner id and the environment, so sandbox
/// rows never show in production. Unlike `StoreScope` it has no profile name: every agent of a team
/// names profiles as they like, yet shares the rows.
public struct TeamScope: Hashable, Sendable {
    /// The MusePay partner id.
    public var partnerId: String
    /// Sandbox, test, production or custom.
    public var environment: ServiceEnvironment

    /// A scope for one partner on one environment.
    public init(partnerId: String, environment: ServiceEnvironment) {
        self.partnerId = partnerId
        self.environment = environment
    }

    /// The `scope` column's value, e.g. `production/P12345`.
    public var key: String { "\(environment.rawValue)/\(partnerId)" }
}
