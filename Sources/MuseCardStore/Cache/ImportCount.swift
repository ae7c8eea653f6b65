/// What an import did to the index: cards it added and cards it already knew.
public struct ImportCount: Sendable, Equatable {
    /// Cards new to the index.
    public var added: Int
    /// Cards the index knew already (an import run twice adds nothing).
    public var known: Int

    /// A count with the given values.
    public init(added: Int = 0, known: Int = 0) {
        self.added = added
        self.known = known
    }

    /// Both counts summed.
    public static func + (a: ImportCount, b: ImportCount) -> ImportCount {
        ImportCount(added: a.added + b.added, known: a.known + b.known)
    }
}
