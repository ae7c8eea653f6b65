import Foundation
import PostgresNIO

/// `TeamStoreSettings` as postgres-nio's configurations, for the pool and for single connections.
///
/// `sslmode` as libpq: `disable` plain; `allow` and `prefer` TLS when the server offers it, else plain
/// (postgres-nio cannot try plain first, so `allow` behaves as `prefer`), certificate not checked;
/// `require` TLS, certificate not checked unless a root certificate is there (then as `verify-ca`, like
/// libpq); `verify-ca` the chain against `sslrootcert`; `verify-full` the chain and the host name.
struct TeamConnectionSettings {
    var client: PostgresClient.Configuration
    var connection: PostgresConnection.Configuration

    init(settings: TeamStoreSettings, password: String?, environment: [String: String]) throws {
        let tls = try Self.tls(settings, environment: environment)
        if let folder = settings.socketFolder {
            let socket = "\(folder)/.s.PGSQL.\(settings.port)"
            client = .init(unixSocketPath: socket, username: settings.user, password: password, database: settings.database)
            connection = .init(unixSocketPath: socket, username: settings.user, password: password, database: settings.database)
        } else {
            let host = settings.host ?? "localhost"
            let required = settings.sslMode.requiresTLS
            client = .init(host: host, port: settings.port, username: settings.user, password: password,
                           database: settings.database, tls: tls.map { required ? .require($0) : .prefer($0) } ?? .disable)
            let context = try tls.map { try NIOSSLContext(configuration: $0) }
            connection = .init(host: host, port: settings.port, username: settings.user, password: password, database: settings.database,
                               tls: context.map { required ? .require($0) : .prefer($0) } ?? .disable)
        }
        let startup = [("application_name", "musecard")]
        client.options.additionalStartupParameters = startup
        client.options.connectTimeout = .seconds(10)
        client.options.maximumConnections = 20
        connection.options.additionalStartupParameters = startup
    }

    /// The TLS configuration for the mode; `nil` for `disable`.
    static func tls(_ settings: TeamStoreSettings, environment: [String: String]) throws -> TLSConfiguration? {
        var tls = TLSConfiguration.makeClientConfiguration()
        let root = rootCertificate(settings, environment)
        switch settings.sslMode {
        case .disable: return nil
        case .allow, .prefer:
            tls.certificateVerification = .none
        case .require:
            guard let root else {
                tls.certificateVerification = .none
                return tls
            }
            tls.trustRoots = try trustRoots(root)
            tls.certificateVerification = .noHostnameVerification
        case .verifyCA, .verifyFull:
            guard let root else {
                throw TeamDatabaseError.settings(TeamSettingsError("url", "sslmode \(settings.sslMode.rawValue) needs a root certificate: ~/.postgresql/root.crt or sslrootcert= in the URL"))
            }
            tls.trustRoots = try trustRoots(root)
            tls.certificateVerification = settings.sslMode == .verifyFull ? .fullVerification : .noHostnameVerification
        }
        return tls
    }

    /// `sslrootcert` (`system`: the system's authorities), else `~/.postgresql/root.crt` when it exists.
    static func rootCertificate(_ settings: TeamStoreSettings, _ environment: [String: String]) -> String? {
        if let given = settings.sslRootCert { return ConfigParser.expandTilde(given) }
        let standard = MuseCardPaths.homeFolder(environment).appendingPathComponent(".postgresql/root.crt").path
        return FileManager.default.fileExists(atPath: standard) ? standard : nil
    }

    static func trustRoots(_ path: String) throws -> NIOSSLTrustRoots {
        if path == "system" { return .default }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw TeamDatabaseError.settings(TeamSettingsError("url", "sslrootcert \(path) cannot be read"))
        }
        return .file(path)
    }
}
