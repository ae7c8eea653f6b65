import Foundation

/// A child process started with `posix_spawn` and reaped with `wait4`, so its peak memory and CPU
/// time are known; for the benchmarks (blocking calls, on the command's own thread).
final class SpawnedProcess {
    let pid: pid_t
    /// The read end of the child's standard output, when it was captured.
    let output: FileHandle?

    /// Starts `executable` with `arguments` and exactly `environment`; standard output captured
    /// when `captureOutput`, else discarded; standard error inherited unless `quiet`.
    init(_ executable: String, _ arguments: [String], environment: [String: String], captureOutput: Bool = false, quiet: Bool = false) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipe: [Int32] = [-1, -1]
        if captureOutput {
            guard Glibc.pipe(&pipe) == 0 else { throw POSIXError(.EMFILE) }
            posix_spawn_file_actions_adddup2(&actions, pipe[1], STDOUT_FILENO)
            posix_spawn_file_actions_addclose(&actions, pipe[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        if quiet { posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0) }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let result = CleanSpawn.withAttributes { posix_spawn(&child, executable, &actions, &$0, argv, envp) }
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        pid = child
        if captureOutput {
            close(pipe[1])
            output = FileHandle(fileDescriptor: pipe[0], closeOnDealloc: true)
        } else {
            output = nil
        }
    }

    /// Reads standard output up to and including the line for which `until` is true; the lines read.
    func readLines(until: (String) -> Bool) -> [String] {
        guard let output else { return [] }
        var lines: [String] = [], pending = Data()
        while true {
            let chunk = output.availableData
            if chunk.isEmpty { return lines }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                lines.append(line)
                if until(line) { return lines }
            }
        }
    }

    /// What `wait4` said of a child that ended.
    struct Ending {
        var status: Int32
        var signalled: Bool
        /// Peak resident memory in bytes.
        var maxResident: Int
        /// User plus system CPU seconds.
        var cpuSeconds: Double
    }

    /// Blocks until the child ends.
    func wait() -> Ending {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let signalled = (status & 0x7f) != 0
        return Ending(status: signalled ? 128 + (status & 0x7f) : (status >> 8) & 0xff, signalled: signalled,
                      maxResident: usage.ru_maxrss * 1024, cpuSeconds: cpu)
    }

    func signal(_ number: Int32) { kill(pid, number) }

    /// CPU seconds the (running) child has used so far, from `/proc/PID/stat`.
    var cpuSecondsSoFar: Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return 0 }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the command name: state is field 3, utime 14 and stime 15 (1-based in proc(5)).
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
