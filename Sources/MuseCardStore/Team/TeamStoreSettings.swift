import Foundation

/// A profile's `store:` for a team: where the PostgreSQL server is and how to reach it. The password
/// is never here: it comes from `password_file` or libpq's password file (see `TeamPassword`).
public struct TeamStoreSettings: Sendable, Equatable {
    /// `postgres://user@host:port/database?sslmode=…`, as written (it never holds a password).
    public var url: String
    /// A file whose first line is the password (0600 or tighter); `nil`: `PGPASSFILE` or `~/.pgpass`.
    public var passwordFile: String?
    /// `sslmode` from the URL; `prefer` when absent, as in libpq.
    public var sslMode: TeamSSLMode
    /// Whether sensitive unlocks need a second person (a profile turns it off only with `four_eyes: false`).
    public var fourEyes: Bool
    /// How long an approval stays valid.
    public var approvalMinutes: Int
    /// The server's host name or address; `nil` with `socketFolder`.
    public var host: String?
    /// The TCP port (also names the Unix socket file).
    public var port: Int
    /// The database role to connect as.
    public var user: String
    /// The database name.
    public var database: String
    /// `?host=/folder`: connect through the Unix socket in this folder instead of TCP.
    public var socketFolder: String?
    /// `?sslrootcert=`: trusted authorities for `verify-ca`/`verify-full` (default `~/.postgresql/root.crt`).
    public var sslRootCert: String?

    /// The range `approval_minutes` accepts.
    public static let approvalMinutesRange = 1...1440
    /// The URL query parameters understood, as libpq names them.
    public static let queryKeys: Set<String> = ["sslmode", "sslrootcert", "host", "port", "user", "dbname", "application_name", "connect_timeout"]

    /// Reads `url`; errors name what to fix. A missing user is `PGUSER`, else `USER`; a missing database is the user's name.
    public init(url: String, passwordFile: String? = nil, fourEyes: Bool = true, approvalMinutes: Int = 15,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws(TeamSettingsError) {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme, ["postgres", "postgresql"].contains(scheme) else {
            throw TeamSettingsError("url", "\"\(url)\" is not a postgres:// URL (postgres://user@host:port/database?sslmode=…)")
        }
        if parts.password != nil {
            throw TeamSettingsError("url", "must not contain a password: put it in password_file or ~/.pgpass (PGPASSFILE)")
        }
        guard Self.approvalMinutesRange.contains(approvalMinutes) else {
            throw TeamSettingsError("approval_minutes", "must be a whole number of minutes from 1 to 1440, not \(approvalMinutes)")
        }
        var query: [String: String] = [:]
        for item in parts.queryItems ?? [] {
            guard Self.queryKeys.contains(item.name) else {
                throw TeamSettingsError("url", "unknown parameter \"\(item.name)\" (expected one of: \(Self.queryKeys.sorted().joined(separator: ", ")))")
            }
            query[item.name] = item.value ?? ""
        }
        self.url = url
        self.passwordFile = passwordFile
        self.fourEyes = fourEyes
        self.approvalMinutes = approvalMinutes
        let modeText = query["sslmode"] ?? "prefer"
        guard let mode = TeamSSLMode(rawValue: modeText) else {
            throw TeamSettingsError("url", "sslmode \"\(modeText)\" is not one of \(TeamSSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        sslMode = mode
        sslRootCert = query["sslrootcert"]
        let portText = query["port"] ?? parts.port.map(String.init) ?? "5432"
        guard let port = Int(portText), (1...65_535).contains(port) else { throw TeamSettingsError("url", "port \"\(portText)\" is not a port number") }
        self.port = port
        let hostText = query["host"] ?? parts.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding }
        if let hostText, hostText.hasPrefix("/") {
            socketFolder = hostText
            host = nil
        } else {
            socketFolder = nil
            host = hostText ?? "localhost"
        }
        let named = query["user"] ?? parts.user?.removingPercentEncoding
        guard let user = [named, environment["PGUSER"], environment["USER"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw TeamSettingsError("url", "names no user (postgres://USER@host/database)")
        }
        self.user = user
        let path = String(parts.path.drop { $0 == "/" }).removingPercentEncoding ?? ""
        database = query["dbname"] ?? (path.isEmpty ? user : path)
        if mode == .verifyCA || mode == .verifyFull, socketFolder != nil {
            throw TeamSettingsError("url", "sslmode \(mode.rawValue) needs a TCP host, not a socket folder")
        }
    }

    /// `user@host:port/database` for messages (never a password: there is none).
    public var label: String {
        "\(user)@\(socketFolder.map { "[\($0)]" } ?? host ?? "localhost"):\(port)/\(database)"
    }
}

/// A bad team-store setting, naming the `store:` key to fix.
public struct TeamSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key under `store:`, e.g. `url`; `pgpass` for libpq's password file.
    public var field: String
    /// What is wrong.
    public var message: String

    /// An error about one key.
    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    /// `store.url …`, or `password file …` for libpq's.
    public var description: String { field == "pgpass" ? "password file \(message)" : "store.\(field) \(message)" }
}
