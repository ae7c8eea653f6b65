/// Why a reachable team store cannot be used as it is: something a person must fix first.
public enum TeamLinkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The schema is older than this build needs: `musecard team init` migrates it.
    case schemaBehind(found: Int, needed: Int)

    /// One line for standard error.
    public var description: String {
        switch self {
        case .schemaBehind(let found, let needed):
            found == 0 ? "the team database has no MuseCard schema yet: run musecard team init (as a role that may create roles)"
                : "the team database schema is at version \(found), this musecard needs \(needed): run musecard team init to migrate it"
        }
    }
}
