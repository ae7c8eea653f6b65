import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real binary in a pseudo-terminal of a given size: what it writes, how fast, and what it weighs.
final class TerminalProbe {
    let pid: pid_t
    private let master: Int32
    /// Everything read so far that has not been consumed by `waitFor`.
    private var pending: [UInt8] = []
    /// Bytes read from the terminal since the start.
    private(set) var totalBytes = 0
    /// glibc's `POSIX_SPAWN_SETSID` (a macro Swift does not import).
    private static let spawnSetsid: Int16 = 0x80

    /// Starts `executable` with `arguments` in a fresh pty of `size` with `environment`.
    init(executable: String, arguments: [String], environment: [String: String], size: FrameSize) throws {
        var master: Int32 = -1, slave: Int32 = -1
        var window = winsize(ws_row: UInt16(size.rows), ws_col: UInt16(size.columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &window) == 0 else { throw ProbeError("openpty failed") }
        defer { close(slave) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_adddup2(&actions, slave, fd) }
        posix_spawn_file_actions_addclose(&actions, master)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        // A session of its own, as a terminal emulator would start it.
        let status = CleanSpawn.withAttributes(flags: Int32(Self.spawnSetsid)) { posix_spawn(&child, executable, &actions, &$0, argv, envp) }
        guard status == 0 else { close(master); throw ProbeError("cannot start \(executable): \(status)") }
        pid = child
        self.master = master
    }

    /// Reads until `needle` has been written (true) or `timeout` passes (false); what came before it is consumed.
    func waitFor(_ needle: String, timeout: Duration) -> Bool {
        let bytes = Array(needle.utf8)
        let deadline = ContinuousClock.now + timeout
        while true {
            if let end = Self.find(bytes, in: pending) {
                pending.removeFirst(end)
                return true
            }
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero, read(within: left) else { return false }
        }
    }

    /// Waits for the next output, up to `timeout`; true when some came.
    func waitForOutput(timeout: Duration) -> Bool { read(within: timeout) }

    /// Reads whatever arrives during `duration`; returns the number of bytes.
    @discardableResult
    func drain(for duration: Duration) -> Int {
        let before = totalBytes
        let deadline = ContinuousClock.now + duration
        while true {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { break }
            _ = read(within: left)
        }
        pending.removeAll()
        return totalBytes - before
    }

    /// Types `text` as keys.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Resident memory of the process, in bytes (`VmRSS`).
    var residentBytes: Int? { Self.status("VmRSS:", pid: pid) }

    /// The resident part that is the process's own (heap, stacks), not pages of its files (`RssAnon`).
    var anonymousBytes: Int? { Self.status("RssAnon:", pid: pid) }

    /// The most the process was ever resident, in bytes (`VmHWM`).
    var peakResidentBytes: Int? { Self.status("VmHWM:", pid: pid) }

    /// Ends the process (SIGKILL: the bench's temporary files are thrown away anyway) and reaps it.
    func stop() {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// One read of what is available within `timeout`; false when nothing came (or the child closed).
    private func read(within timeout: Duration) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(1, min(1000, timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)))
        guard poll(&descriptor, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        pending += buffer.prefix(count)
        totalBytes += count
        return true
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start + needle.count }
        }
        return nil
    }

    private static func status(_ key: String, pid: pid_t) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key) }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes * 1024
    }
}

/// The probe could not run.
struct ProbeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
