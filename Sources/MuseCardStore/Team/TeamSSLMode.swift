/// libpq's `sslmode`: whether and how the connection to the team database is encrypted.
public enum TeamSSLMode: String, Sendable, Equatable, CaseIterable {
    /// Plain connection only.
    case disable
    /// Plain first, TLS if the server insists (postgres-nio tries TLS first here, then plain: the same servers connect).
    case allow
    /// TLS if the server offers it, else plain; the certificate is not checked (libpq's default).
    case prefer
    /// TLS or no connection; the certificate is not checked.
    case require
    /// TLS with a certificate signed by a trusted authority (`sslrootcert`), any host name.
    case verifyCA = "verify-ca"
    /// TLS with a trusted certificate for the host connected to.
    case verifyFull = "verify-full"

    /// Whether a plain connection is never acceptable.
    public var requiresTLS: Bool {
        switch self {
        case .disable, .allow, .prefer: false
        case .require, .verifyCA, .verifyFull: true
        }
    }
}
