import Foundation

/// A file-system step that failed, with the path and the system's reason.
public struct StoreFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file or folder.
    public var path: String
    /// What went wrong.
    public var message: String

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}

/// Creates folders 0700 and files 0600 whatever the umask, and tightens existing ones.
enum PrivateFiles {
    /// Makes the folder and every missing parent 0700 (existing parents are left as they are),
    /// then sets the folder itself to 0700.
    static func folder(_ url: URL) throws(StoreFileError) {
        let path = url.standardizedFileURL.path
        var current = ""
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) == 0 {
                // mkdir's mode passes through the umask, which may also narrow it below 0700.
                try setMode(current, 0o700)
                continue
            }
            let reason = errno
            var info = stat()
            if stat(current, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { continue }
            throw StoreFileError(path: current, message: "cannot create the folder: \(String(cString: strerror(reason)))")
        }
        try setMode(path, 0o700)
    }

    /// Creates the file if missing and sets it to 0600.
    static func file(_ path: String) throws(StoreFileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreFileError(path: path, message: "cannot create the file: \(String(cString: strerror(errno)))") }
        close(fd)
        try setMode(path, 0o600)
    }

    /// Sets the mode explicitly, since a loose umask widens what `open` and `mkdir` create.
    static func setMode(_ path: String, _ mode: mode_t) throws(StoreFileError) {
        guard chmod(path, mode) == 0 else {
            throw StoreFileError(path: path, message: "cannot set permissions: \(String(cString: strerror(errno)))")
        }
    }

    /// Sets 0600 on a file only if it exists (SQLite's -wal and -shm files).
    static func tightenIfPresent(_ path: String) {
        if FileManager.default.fileExists(atPath: path) { _ = chmod(path, 0o600) }
    }
}
