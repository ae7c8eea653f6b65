/// A problem in the configuration file, with the file and line where it is.
public struct ConfigError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The configuration file.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// An error at a place in a file.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
