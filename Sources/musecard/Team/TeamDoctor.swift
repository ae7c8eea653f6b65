import Foundation
import MuseCardKit
import MuseCardStore

/// One finding of `team doctor`.
struct TeamCheck: Equatable {
    enum Level: String { case ok, warn, fail }
    var level: Level
    var topic: String
    var text: String

    /// `ok    schema: version 1`, text sanitised (it may quote the server).
    var line: String { "\(level.rawValue.uppercased().padding(toLength: 5, withPad: " ", startingAt: 0)) \(topic): \(ServiceText.sanitize(text))" }
}

/// The checks of `team doctor`, each a plain query an agent's role may run.
struct TeamDoctor {
    let database: TeamDatabase
    let maxSkew: Double

    func run() async throws -> [TeamCheck] {
        var checks: [TeamCheck] = []
        let identity = try await database.identity()
        let version = try await database.scalar("SELECT current_setting('server_version')", as: String.self) ?? "?"
        checks.append(TeamCheck(level: .ok, topic: "connection", text: "\(database.settings.label) as \(identity), PostgreSQL \(version)"))
        checks += await attempt("tls") { [try await tls()] }
        checks += await attempt("schema") { [try await schema()] }
        checks += await attempt("role") { try await roles(identity) }
        checks += await attempt("grants") { try await grants() }
        checks += await attempt("clock") { [try await clock()] }
        return checks
    }

    /// A check whose query the server refused (e.g. no privilege) fails with the server's reason;
    /// a broken connection ends the run.
    private func attempt(_ topic: String, _ check: () async throws -> [TeamCheck]) async -> [TeamCheck] {
        do { return try await check() } catch let error as TeamDatabaseError {
            if case .server(_, let message) = error { return [TeamCheck(level: .fail, topic: topic, text: "the server refused the check: \(message)")] }
            return [TeamCheck(level: .fail, topic: topic, text: error.description)]
        } catch {
            return [TeamCheck(level: .fail, topic: topic, text: String(describing: error))]
        }
    }

    private func tls() async throws -> TeamCheck {
        let tls = try await database.scalar(
            "SELECT CASE WHEN ssl THEN 'on, ' || version ELSE 'off' END FROM pg_stat_ssl WHERE pid = pg_backend_pid()", as: String.self) ?? "off"
        let settings = database.settings
        let local = settings.socketFolder != nil || ["localhost", "127.0.0.1", "::1"].contains(settings.host ?? "")
        if tls == "off" && !local {
            return TeamCheck(level: .warn, topic: "tls", text: "off with a remote server (sslmode \(settings.sslMode.rawValue)): use sslmode=verify-full")
        }
        return TeamCheck(level: .ok, topic: "tls", text: "\(tls) (sslmode \(settings.sslMode.rawValue))")
    }

    private func schema() async throws -> TeamCheck {
        let found = try await database.schemaVersion(), expected = TeamMigrations.latest
        if found == expected { return TeamCheck(level: .ok, topic: "schema", text: "version \(found)") }
        if found == 0 { return TeamCheck(level: .fail, topic: "schema", text: "none: run musecard team init as an administrator") }
        if found < expected {
            return TeamCheck(level: .fail, topic: "schema", text: "version \(found), behind this musecard's \(expected): run musecard team init as an administrator")
        }
        return TeamCheck(level: .fail, topic: "schema", text: "version \(found), ahead of this musecard's \(expected): update musecard")
    }

    private func roles(_ identity: String) async throws -> [TeamCheck] {
        let groups = try await database.scalar("SELECT count(*)::bigint FROM pg_roles WHERE rolname IN ('musecard_agent', 'musecard_approver')", as: Int.self)
        guard groups == 2 else { return [TeamCheck(level: .fail, topic: "roles", text: "musecard_agent or musecard_approver is missing: run musecard team init")] }
        let agent = try await database.scalar("SELECT pg_has_role(session_user, 'musecard_agent', 'MEMBER')", as: Bool.self) ?? false
        let approver = try await database.scalar("SELECT pg_has_role(session_user, 'musecard_approver', 'MEMBER')", as: Bool.self) ?? false
        let superuser = try await database.scalar("SELECT rolsuper FROM pg_roles WHERE rolname = session_user", as: Bool.self) ?? false
        var checks: [TeamCheck] = []
        if !agent {
            checks.append(TeamCheck(level: .fail, topic: "role", text: "\(identity) is not in musecard_agent: GRANT musecard_agent TO \(identity)"))
        } else {
            checks.append(TeamCheck(level: .ok, topic: "role", text: "\(identity) is an agent\(approver ? " and an approver" : "")"))
        }
        if superuser {
            checks.append(TeamCheck(level: .warn, topic: "role", text: "\(identity) is a superuser: fine for team init, but each agent should use a login of their own"))
        }
        return checks
    }

    private func grants() async throws -> [TeamCheck] {
        guard try await database.scalar("SELECT to_regclass('audit') IS NOT NULL", as: Bool.self) == true else {
            return [TeamCheck(level: .fail, topic: "grants", text: "there is no audit table: run musecard team init")]
        }
        let rows = try await database.scalar("""
            SELECT string_agg(p, ',' ORDER BY p) FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS p
            WHERE has_table_privilege('musecard_agent', 'audit', p)
            """, as: String.self) ?? ""
        guard rows == "INSERT,SELECT" else {
            return [TeamCheck(level: .fail, topic: "grants", text: "musecard_agent has \(rows.isEmpty ? "nothing" : rows) on audit, must be INSERT and SELECT only: run musecard team init")]
        }
        let approvals = try await database.scalar("SELECT has_table_privilege('musecard_agent', 'approvals', 'UPDATE')", as: Bool.self) ?? true
        if approvals { return [TeamCheck(level: .fail, topic: "grants", text: "musecard_agent may update approvals directly: REVOKE UPDATE ON approvals FROM musecard_agent")] }
        // The database's functions resolve names in public: whoever may create there could slip in their own.
        let create = try await database.scalar("SELECT has_schema_privilege('musecard_agent', 'public', 'CREATE')", as: Bool.self) ?? true
        if create { return [TeamCheck(level: .fail, topic: "grants", text: "musecard_agent may create objects in schema public: REVOKE CREATE ON SCHEMA public FROM PUBLIC")] }
        return [TeamCheck(level: .ok, topic: "grants", text: "agents may only append to and read the audit trail; approvals change through the database's functions")]
    }

    private func clock() async throws -> TeamCheck {
        let sent = Date()
        let server = try await database.scalar("SELECT clock_timestamp()", as: Date.self) ?? sent
        let received = Date()
        let skew = server.timeIntervalSince(sent.addingTimeInterval(received.timeIntervalSince(sent) / 2))
        let text = String(format: "this machine and the server differ by %.1f s", abs(skew))
        return TeamCheck(level: abs(skew) > maxSkew ? .warn : .ok, topic: "clock", text: abs(skew) > maxSkew ? text + " (set up NTP: audit times are the server's, expiries too)" : text)
    }
}
