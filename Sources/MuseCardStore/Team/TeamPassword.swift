import Foundation

/// Finds the team database password: `password_file` (its first line), else libpq's password file
/// (`PGPASSFILE`, else `~/.pgpass`, lines `host:port:database:user:password`). Never the config or URL.
/// A password file others can read is refused, as libpq does, but with an error rather than a warning.
public enum TeamPassword {
    /// The password for `settings`, or `nil` when no file has one (the server may not ask).
    public static func find(for settings: TeamStoreSettings, environment: [String: String]) throws(TeamSettingsError) -> String? {
        if let file = settings.passwordFile {
            let path = ConfigParser.expandTilde(file)
            let text = try privateText(path, field: "password_file")
            let first = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first.map(String.init) ?? ""
            guard !first.isEmpty else { throw TeamSettingsError("password_file", "\(path) is empty: its first line is the password") }
            return first
        }
        let path = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? MuseCardPaths.homeFolder(environment).appendingPathComponent(".pgpass").path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let text = try privateText(path, field: "pgpass")
        return match(pgpass: text, settings: settings)
    }

    /// The password of the first line of a libpq password file matching the connection (`*` matches anything).
    static func match(pgpass text: String, settings: TeamStoreSettings) -> String? {
        // libpq names a socket connection "localhost" in this file.
        let host = settings.host ?? "localhost"
        let wanted = [host, String(settings.port), settings.database, settings.user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// Splits on `:` not preceded by a backslash; `\:` and `\\` stand for themselves.
    static func split(_ line: String) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    /// The file's text after checking that only its owner can read it.
    static func privateText(_ path: String, field: String) throws(TeamSettingsError) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw TeamSettingsError(field, "\(path) cannot be read: \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw TeamSettingsError(field, "\(path) is not a file") }
        guard info.st_mode & 0o077 == 0 else {
            throw TeamSettingsError(field, "\(path) can be read by others (mode \(String(info.st_mode & 0o777, radix: 8))): chmod 600 it")
        }
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw TeamSettingsError(field, "\(path) cannot be read: \(error.localizedDescription)")
        }
    }
}
