import Foundation
import PostgresNIO

/// Why the team database could not be used, in words a person can act on (never a password).
public enum TeamDatabaseError: Error, Sendable, CustomStringConvertible {
    /// A `store:` setting or password file is wrong.
    case settings(TeamSettingsError)
    /// No session could be opened: address, password, TLS or server down.
    case unreachable(String, String)
    /// The server answered a statement with an error (SQLSTATE and message).
    case server(sqlState: String, message: String)
    /// The connection broke while a statement ran.
    case connection(String)
    /// The schema is newer than this build knows.
    case schemaAhead(found: Int, known: Int)

    /// One line for standard error.
    public var description: String {
        switch self {
        case .settings(let error): "\(error)"
        case .unreachable(let label, let reason): "cannot connect to the team database \(label): \(reason)"
        case .server(let state, let message): "the team database refused: \(message) (SQLSTATE \(state))"
        case .connection(let reason): "the team database connection failed: \(reason)"
        case .schemaAhead(let found, let known):
            "the team database schema is at version \(found), newer than this musecard knows (\(known)): update musecard"
        }
    }

    /// The server's SQLSTATE, when the server answered.
    public var sqlState: String? {
        if case .server(let state, _) = self { return state }
        return nil
    }

    /// A postgres-nio error as one of these, with the server's message (postgres-nio's own text hides it).
    static func wrap(_ error: any Error) -> TeamDatabaseError {
        if let known = error as? TeamDatabaseError { return known }
        if let transaction = error as? PostgresTransactionError,
           let cause = transaction.closureError ?? transaction.beginError ?? transaction.commitError {
            return wrap(cause)
        }
        if let psql = error as? PSQLError, let message = psql.serverInfo?[.message] {
            return .server(sqlState: psql.serverInfo?[.sqlState] ?? "", message: message)
        }
        return .connection(reason(error))
    }

    /// What went wrong, from the server's message or the network error underneath.
    static func reason(_ error: any Error) -> String {
        guard let psql = error as? PSQLError else { return String(describing: error) }
        if let message = psql.serverInfo?[.message] { return message }
        if let underlying = psql.underlying { return String(describing: underlying) }
        switch psql.code {
        case .sslUnsupported: return "the server does not offer TLS (sslmode requires it)"
        case .authMechanismRequiresPassword: return "the server asks for a password and none was found (password_file or ~/.pgpass)"
        case .serverClosedConnection: return "the server closed the connection"
        default: return psql.code.description
        }
    }
}
