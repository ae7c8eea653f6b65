import Foundation

extension TmuxSession {
    /// Sets a server option, e.g. `set-clipboard on` so OSC 52 from the program fills a buffer.
    func setServerOption(_ option: String, _ value: String) throws {
        let result = try TmuxSession.spawn(["-u", "-S", socket, "set-option", "-s", option, value])
        guard result.status == 0 else { throw Failure(description: "tmux set-option \(option) failed: \(result.output)") }
    }

    /// The newest paste buffer (what an OSC 52 copy put there); `nil` when there is none.
    func newestBuffer() throws -> String? {
        let result = try TmuxSession.spawn(["-u", "-S", socket, "show-buffer"])
        return result.status == 0 ? result.output : nil
    }
}
