/// Which service a cache row belongs to: a profile name and a partner id, so sandbox cards never show up in production.
public struct StoreScope: Hashable, Sendable {
    /// The configuration profile name, e.g. `sandbox`.
    public var profile: String
    /// The MusePay partner id the profile signs as.
    public var partnerId: String

    /// A scope for one profile and partner.
    public init(profile: String, partnerId: String) {
        self.profile = profile
        self.partnerId = partnerId
    }
}
