import Foundation
import MuseCardKit
import MuseCardStore

/// The "Team store" section of `musecard info`: where it is and what the server says about us.
enum TeamStoreInfo {
    /// Connects briefly to ask the identity, role and schema version; an unreachable server is said, not fatal.
    static func lines(_ store: TeamStoreSettings, environment: [String: String]) async -> [String] {
        var lines = ["Team store"]
        func row(_ label: String, _ value: String) { lines.append("  " + label.padding(toLength: 20, withPad: " ", startingAt: 0) + value) }
        // The URL never holds a password (the parser refuses one); the password's file is named, never read out.
        row("url", ServiceText.sanitize(store.url))
        row("password from", ServiceText.sanitize(store.passwordFile ?? environment["PGPASSFILE"] ?? "~/.pgpass (if the server asks)"))
        row("four-eyes", store.fourEyes ? "on (approvals valid \(store.approvalMinutes) min)" : "OFF (four_eyes: false)")
        let database: TeamDatabase
        do { database = try await TeamDatabase.connect(store, environment: environment) } catch {
            row("server", "UNREACHABLE: \(ServiceText.sanitize(String(describing: error)))")
            return lines
        }
        do {
            let identity = try await database.identity()
            let approver = (try? await database.scalar("SELECT pg_has_role(session_user, 'musecard_approver', 'MEMBER')", as: Bool.self)) ?? false
            let agent = (try? await database.scalar("SELECT pg_has_role(session_user, 'musecard_agent', 'MEMBER')", as: Bool.self)) ?? false
            let role = approver ? "musecard_approver" : agent ? "musecard_agent" : "neither musecard_agent nor musecard_approver"
            row("identity", "\(ServiceText.sanitize(identity)) (\(role))")
            let version = try await database.schemaVersion()
            let needed = TeamMigrations.latest
            row("schema version", version >= needed ? "\(version)" : "\(version) (this musecard needs \(needed): run musecard team init)")
        } catch {
            row("server", "error: \(ServiceText.sanitize(String(describing: error)))")
        }
        await database.close()
        return lines
    }
}
