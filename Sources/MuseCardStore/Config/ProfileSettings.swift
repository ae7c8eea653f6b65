/// One named profile of the configuration file: where MusePay is and who we are.
public struct ProfileSettings: Sendable, Equatable {
    /// The profile's name, its key under `profiles:`.
    public var name: String
    /// MusePay base URL; `nil` means the built-in sandbox.
    public var baseURL: String?
    /// Partner id.
    public var partnerId: String?
    /// Partner private key file.
    public var privateKeyPath: String?
    /// MusePay platform public key file (for PIN encryption).
    public var platformPublicKeyPath: String?
    /// Who is acting, for the audit trail.
    public var operatorName: String?
    /// Theme name.
    public var theme: String?
    /// Whether dangerous actions are disabled.
    public var readOnly: Bool
    /// A folder where each console session's summary is written as Markdown.
    public var summaryDir: String?
    /// How often the console refreshes the visible cards; `0` turns it off, `nil` means the default.
    public var refreshSeconds: Int?
    /// The console asks for a ticket before the first change.
    public var requireTicket = false
    /// `store:` with `kind: postgres`: the team database; `nil` means the embedded SQLite store.
    public var store: TeamStoreSettings?

    /// A profile with the given values.
    public init(name: String, baseURL: String? = nil, partnerId: String? = nil, privateKeyPath: String? = nil,
                platformPublicKeyPath: String? = nil, operatorName: String? = nil, theme: String? = nil, readOnly: Bool = false) {
        self.name = name
        self.baseURL = baseURL
        self.partnerId = partnerId
        self.privateKeyPath = privateKeyPath
        self.platformPublicKeyPath = platformPublicKeyPath
        self.operatorName = operatorName
        self.theme = theme
        self.readOnly = readOnly
    }

    /// Which service the base URL points at.
    public var environment: ServiceEnvironment { ServiceEnvironment.classify(baseURL: baseURL) }
}
