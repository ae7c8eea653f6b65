/// The `:` command line while it is open: the text, and where Up/Down is in the history.
public struct CommandLineState: Sendable, Equatable {
    /// The longest command line.
    public static let maxLength = 128

    public var text = ""
    /// The history entry shown (an index into `ConsoleUI.commandHistory`); `nil` for the line being typed.
    public var historyIndex: Int?
    /// The line being typed, kept while the history is walked.
    public var draft = ""

    public init(text: String = "") { self.text = text }
}
