import Foundation
import PostgresNIO

extension TeamDatabase {
    /// Creates (or updates) a login role in `musecard_agent`, and in `musecard_approver` too when asked.
    /// The password reaches the server only as a SCRAM verifier. Needs a role allowed to create roles.
    public func createLogin(_ name: String, password: String, approver: Bool) async throws {
        guard Self.isLoginName(name) else {
            throw TeamDatabaseError.settings(TeamSettingsError("login", "\"\(name)\" is not a login name: lower-case letters, digits and _, starting with a letter"))
        }
        guard !password.isEmpty else { throw TeamDatabaseError.settings(TeamSettingsError("login", "the password for \(name) is empty")) }
        let verifier = try ScramVerifier.make(password: password)
        // Utility statements take no parameters: the name is checked above and quoted, the verifier generated and quoted.
        let exists = try await scalar("SELECT count(*)::bigint FROM pg_roles WHERE rolname = \(name)", as: Int.self) ?? 0
        let verb = exists > 0 ? "ALTER" : "CREATE", role = SQLStatements.identifier(name)
        try await execute(PostgresQuery(unsafeSQL: "\(verb) ROLE \(role) LOGIN PASSWORD \(SQLStatements.literal(verifier))"))
        for group in approver ? ["musecard_agent", "musecard_approver"] : ["musecard_agent"] {
            try await execute(PostgresQuery(unsafeSQL: "GRANT \(SQLStatements.identifier(group)) TO \(role)"))
        }
    }

    /// Lower-case letters, digits and `_`, starting with a letter, at most 63 bytes, not `pg_…` nor a MuseCard group.
    static func isLoginName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.utf8.count <= 63 else { return false }
        guard !name.hasPrefix("pg_"), !["musecard_agent", "musecard_approver", "musecard_owner"].contains(name) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
