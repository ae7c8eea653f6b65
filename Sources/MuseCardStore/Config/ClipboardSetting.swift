/// Where the console's `y` copies to: `clipboard:` in `config.yaml`.
public enum ClipboardSetting: Sendable, Equatable {
    /// OSC 52 to the terminal (the default): works over ssh and in tmux with `set-clipboard on`.
    case osc52
    /// A command that reads the value on standard input, e.g. `[xclip, -selection, clipboard]`.
    case command([String])
    /// Copying is off.
    case off
}
