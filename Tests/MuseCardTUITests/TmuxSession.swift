import Foundation
import MuseCardTestSupport

/// Drives a real program in a private tmux server at a fixed size: send keys by name, wait for
/// text, capture the screen, resize, and always clean up.
final class TmuxSession {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    let name: String
    let socket: String
    /// An isolated HOME with its own XDG folders.
    let home: URL
    private let ownsHome: Bool
    private var alive = true

    /// Starts `command` (program and arguments) in a new detached session of `columns` x `rows`.
    /// The pane stays after the program exits and shows `[exited N]`, so output printed after
    /// the screen is restored can be read.
    /// `home` shares a HOME between sessions (a second run); it is then left for the caller to remove.
    init(_ command: [String], columns: Int = 120, rows: Int = 40, environment: [String: String] = [:], home: URL? = nil) throws {
        guard TmuxSession.tmux != nil else { throw Failure(description: "tmux is not installed: the end-to-end tests need it") }
        let id = UUID().uuidString.prefix(8).lowercased()
        name = "musecard-\(id)"
        socket = Fixtures.scratchRoot.appendingPathComponent("tmux-\(id).sock").path
        ownsHome = home == nil
        self.home = home ?? Fixtures.scratchRoot.appendingPathComponent("musecard-home-\(id)")
        for folder in [".config", ".cache", ".local/state"] {
            try FileManager.default.createDirectory(at: self.home.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        var env = [
            "HOME": self.home.path, "XDG_CONFIG_HOME": self.home.appendingPathComponent(".config").path,
            "XDG_CACHE_HOME": self.home.appendingPathComponent(".cache").path,
            "XDG_STATE_HOME": self.home.appendingPathComponent(".local/state").path,
            "PATH": "/usr/bin:/bin", "TERM": "tmux-256color",
        ]
        for (key, value) in environment { env[key] = value }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(TmuxSession.quote($0.value))" }
        let program = command.map(TmuxSession.quote).joined(separator: " ")
        // `\r\n` first: a program killed before it restored the terminal leaves the cursor mid-line
        // and the pty not turning a line feed into a new line, so the mark could wrap at the edge.
        let script = "env -i \(assignments.joined(separator: " ")) \(program); printf '\\r\\n[exited %d]\\r\\n' $?; sleep 3600"
        try startServer(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", script])
    }

    /// The first command forks the tmux server: start it with no pipes for it to inherit.
    private func startServer(_ arguments: [String]) throws {
        let result = try TmuxSession.spawn(["-u", "-S", socket] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "tmux new-session failed with status \(result.status): \(result.output)")
        }
    }

    deinit { kill() }

    /// Sends keys by the console's key names (`j`, `enter`, `esc`, `ctrl-c`, `up`…); several at once.
    func send(_ keys: String...) throws {
        for key in keys {
            if let named = TmuxSession.tmuxName(key) {
                try tmux(["send-keys", "-t", name, named])
            } else {
                try tmux(["send-keys", "-t", name, "-l", key])
            }
        }
    }

    /// Pastes `text` the way a terminal does: through a tmux buffer with `paste-buffer -p`, so
    /// it arrives bracketed (`ESC [200~ … ESC [201~`) when the program turned bracketed paste on,
    /// and as bare characters when it did not.
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "musecard-paste", "--", text])
        try tmux(["paste-buffer", "-p", "-d", "-b", "musecard-paste", "-t", name])
    }

    /// Watches the screen for `seconds` and fails with the screen as soon as `condition` stops
    /// holding: for "nothing happens" checks, which one capture cannot prove.
    func keeps(_ what: String, for seconds: TimeInterval, _ condition: (String) -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let screen = try capture()
            guard condition(screen) else { throw Failure(description: "\(what) stopped holding; the screen was:\n\(screen)") }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// The visible screen as text.
    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    /// The visible screen with colour and attribute escape sequences.
    func captureWithAttributes() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", name])
    }

    /// Polls the screen until it contains `text`; fails with the screen after `timeout` seconds.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 30) throws -> String {
        try waitUntil("\"\(text)\" on screen", timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen until `condition` holds on a settled frame; fails with the screen after
    /// `timeout` seconds.
    ///
    /// A capture can catch ncurses half way through painting a frame (a dialog's title drawn, its
    /// buttons not yet), so the condition must hold on two captures in a row and the later one is
    /// returned: unchanged, or the fourth in a row when something animates (the spinner).
    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = 30, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        var previous: String?
        var heldFor = 0
        while Date() < deadline {
            screen = try capture()
            if condition(screen) {
                heldFor += 1
                if screen == previous || heldFor >= 4 { return screen }
                previous = screen
            } else {
                previous = nil
                heldFor = 0
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw Failure(description: "timed out after \(Int(timeout))s waiting for \(what); the screen was:\n\(screen)")
    }

    /// Sends `signal` to the program running in the pane (the shell's child).
    func signalProgram(_ signal: Int32) throws {
        let shell = try tmux(["list-panes", "-t", name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        guard let pid = children.split(separator: " ").first.flatMap({ pid_t($0) }) else {
            throw Failure(description: "no program running in the pane (shell \(shell))")
        }
        Foundation.kill(pid, signal)
    }

    /// Changes the window size, as a user dragging the terminal would.
    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Ends the session and its server, and removes the temporary HOME (idempotent).
    func kill() {
        guard alive else { return }
        alive = false
        _ = try? tmux(["kill-server"])
        if ownsHome { try? FileManager.default.removeItem(at: home) }
        try? FileManager.default.removeItem(atPath: socket)
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let result = try TmuxSession.spawn(["-u", "-S", socket] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "tmux \(arguments.first ?? "") failed (\(result.status)): \(result.output)")
        }
        return result.output
    }

    /// tmux's name for a console key name, nil for a literal character.
    static func tmuxName(_ key: String) -> String? {
        let table = [
            "enter": "Enter", "esc": "Escape", "tab": "Tab", "backtab": "BTab", "backspace": "BSpace",
            "delete": "DC", "up": "Up", "down": "Down", "left": "Left", "right": "Right", "home": "Home",
            "end": "End", "pgup": "PPage", "pgdn": "NPage", "space": "Space",
        ]
        if let named = table[key] { return named }
        if key.hasPrefix("ctrl-"), key.count == 6 { return "C-" + key.dropFirst(5) }
        if key.count >= 2, key.hasPrefix("f"), Int(key.dropFirst()) != nil { return key.uppercased() }
        return nil
    }

    /// Runs tmux with `posix_spawn` and `waitpid`, output through a temporary file: the server
    /// it may fork holds no pipe of ours, and nothing depends on Foundation noticing the exit.
    static func spawn(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let tmux else { throw Failure(description: "tmux is not installed: the end-to-end tests need it") }
        let outputPath = Fixtures.scratchPath("tmux-out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([tmux] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The test process blocks and ignores signals on its threads; the tmux server must not
        // inherit that, or it ignores kill-server's SIGTERM and the program's SIGINT never lands.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw Failure(description: "cannot start tmux: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7F) == 0
        return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), output)
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
