import Foundation

/// Spawn attributes giving the child an empty signal mask and default signal handlers.
///
/// The benchmarks run on dispatch threads, which block most signals, and a child inherits its
/// parent thread's mask: `openssl speed`, which stops on SIGALRM, then never stopped.
enum CleanSpawn {
    /// Runs `body` with such attributes, plus `flags` (such as `POSIX_SPAWN_SETSID`).
    static func withAttributes<T>(flags: Int32 = 0, _ body: (inout posix_spawnattr_t) throws -> T) rethrows -> T {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | flags))
        return try body(&attributes)
    }
}
