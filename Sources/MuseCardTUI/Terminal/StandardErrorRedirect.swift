import Foundation

/// Points file descriptor 2 at a log file (or /dev/null) while the screen is up, so stray
/// writes to standard error never land on the ncurses frame; `restore` puts it back.
final class StandardErrorRedirect {
    private var saved: Int32

    init(to path: String?) {
        saved = dup(STDERR_FILENO)
        let target = path.map { open($0, O_WRONLY | O_CREAT | O_APPEND, 0o600) } ?? open("/dev/null", O_WRONLY)
        if target >= 0 {
            dup2(target, STDERR_FILENO)
            close(target)
        }
    }

    /// Gives standard error its original destination back (idempotent).
    func restore() {
        guard saved >= 0 else { return }
        dup2(saved, STDERR_FILENO)
        close(saved)
        saved = -1
    }
}
