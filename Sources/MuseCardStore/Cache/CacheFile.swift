import Foundation
import GRDB

/// Opens the cache file at its usual place, recovering from a corrupt or unreadable one.
public enum CacheFile {
    /// Opens `paths.cacheFile` (folder 0700, file 0600); a broken file is moved aside with a time stamp and
    /// a fresh one made, and `notice` says so once. Throws only when even a fresh file cannot be made.
    public static func open(paths: MuseCardPaths, scope: StoreScope) throws -> (cache: SQLiteCardCache, notice: String?) {
        try open(folder: paths.cacheFolder, file: paths.cacheFile, scope: scope, now: Date())
    }

    /// `open(paths:scope:)` with the folder, file and clock given.
    public static func open(folder: URL, file: URL, scope: StoreScope, now: Date) throws -> (cache: SQLiteCardCache, notice: String?) {
        try PrivateFiles.folder(folder)
        let lock = try OpenLock(for: file.path)
        do {
            return (try SQLiteCardCache(path: file.path, scope: scope, holding: lock), nil)
        } catch let error where !isBroken(error, file: file.path) {
            throw error
        } catch {
            let aside = file.path + ".corrupt-" + stamp(now)
            try moveAside(file.path, to: aside)
            let cache = try SQLiteCardCache(path: file.path, scope: scope, holding: lock)
            let notice = "The cache file \(file.path) could not be read (\(error)); it was moved to \(aside) and a fresh cache was started."
            return (cache, notice)
        }
    }

    /// Whether the file itself is the problem (not a database, damaged, unreadable) rather than, say, a busy lock.
    static func isBroken(_ error: any Error, file: String) -> Bool {
        guard FileManager.default.fileExists(atPath: file) else { return false }
        guard let error = error as? DatabaseError else { return error is StoreFileError }
        return [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR].contains(error.resultCode)
    }

    /// `20261125T081500Z`.
    static func stamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.omitted).time(includingFractionalSeconds: false)
            .timeSeparator(.omitted).timeZone(separator: .omitted))
    }

    /// Renames the database and its -wal/-shm so the fresh file does not pick up their pages.
    static func moveAside(_ path: String, to aside: String) throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            guard rename(path + suffix, aside + suffix) == 0 else {
                throw StoreFileError(path: path + suffix, message: "cannot move the broken cache aside: \(String(cString: strerror(errno)))")
            }
        }
    }
}
