import Foundation

/// An exclusive `flock` on `<file>.lock` held while a cache file is opened and migrated, so two processes
/// never run the same migration at once or move a file aside that the other has just made.
final class OpenLock {
    private let descriptor: Int32

    /// Blocks until the lock is ours.
    init(for path: String) throws(StoreFileError) {
        let lockPath = path + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreFileError(path: lockPath, message: "cannot create the lock file: \(String(cString: strerror(errno)))") }
        _ = fchmod(fd, 0o600)
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            close(fd)
            throw StoreFileError(path: lockPath, message: "cannot lock: \(reason)")
        }
        descriptor = fd
    }

    deinit {
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
