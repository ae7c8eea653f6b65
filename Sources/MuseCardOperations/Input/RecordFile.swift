import Crypto
import Foundation
import MuseCardKit

/// One line of a record file: its named fields, or why it cannot be read.
public enum RecordLine: Sendable, Equatable {
    /// The fields of a good line (values trimmed; empty ones left out), with the line's number.
    case record(line: Int, fields: [String: String])
    /// A line that is not a record (bad header, unclosed quote, not JSON), with its number.
    case bad(line: Int, reason: String)
}

/// Reads a file of records, CSV with a header or JSON Lines (the first line that is not blank or a
/// `#` comment decides), streaming: memory does not grow with the file. Batch runs and index
/// imports read their input through it.
public final class RecordFile {
    /// The field named in errors about the file itself (the flag or argument that gave it).
    public let field: String
    /// Bytes read so far, for progress.
    public private(set) var bytesRead = 0
    /// The file's size when opened, for progress.
    public let size: Int
    private let reader: LineReader
    private let columns: [String]
    private let example: String
    private var hasher = SHA256()
    private var format: Format?
    private var header: [String: Int] = [:]
    private var headerFailed = false

    private enum Format { case csv, jsonLines }

    /// Opens `path`; a CSV header must name every one of `columns` (`example` shows a good header).
    public init(path: String, field: String, columns: [String], example: String) throws(MusePayError) {
        self.field = field
        self.columns = columns
        self.example = example
        do {
            reader = try LineReader(path: path)
            size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        } catch { throw .validation(field: field, reason: "cannot be read: \(error.localizedDescription)") }
    }

    deinit { reader.close() }

    /// The next line that is not blank or a comment; `nil` at the end (or after a bad header,
    /// which leaves nothing to read the other lines by). A file with no line at all is an error.
    public func next() throws(MusePayError) -> RecordLine? {
        while !headerFailed {
            let read: (Int, ArraySlice<UInt8>)?
            do { read = try reader.next(hashing: &hasher) } catch { throw .validation(field: field, reason: "cannot be read: \(error)") }
            bytesRead = reader.bytesRead
            guard let (number, bytes) = read else {
                if format == nil { throw .validation(field: field, reason: "has no lines") }
                return nil
            }
            let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty || text.hasPrefix("#") { continue }
            if format == nil {
                if text.hasPrefix("{") { format = .jsonLines } else {
                    format = .csv
                    do { header = try header(text) } catch {
                        headerFailed = true
                        return .bad(line: number, reason: error.description)
                    }
                    continue
                }
            }
            do throws(MusePayError) {
                return .record(line: number, fields: format == .csv ? try csvFields(text) : try Self.jsonFields(text))
            } catch { return .bad(line: number, reason: error.description) }
        }
        return nil
    }

    /// SHA-256 of the bytes read so far, hex: after the last line, the whole file's.
    public func digest() -> String { hasher.finalize().map { String(format: "%02x", $0) }.joined() }

    private func header(_ text: String) throws(MusePayError) -> [String: Int] {
        let names = try CSVFields.split(text).map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        var found: [String: Int] = [:]
        for (index, name) in names.enumerated() where found[name] == nil { found[name] = index }
        for needed in columns where found[needed] == nil {
            throw .validation(field: "header", reason: "has no \(needed) column (a CSV file starts with a header such as \(example))")
        }
        return found
    }

    private func csvFields(_ text: String) throws(MusePayError) -> [String: String] {
        let values = try CSVFields.split(text)
        var fields: [String: String] = [:]
        for (name, index) in header where index < values.count {
            let value = values[index].trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { fields[name] = value }
        }
        return fields
    }

    private static func jsonFields(_ text: String) throws(MusePayError) -> [String: String] {
        let json: JSONValue
        do { json = try JSONParser.parse(text) } catch { throw .validation(field: "line", reason: "is not JSON (\(error.description))") }
        guard let object = json.objectValue else { throw .validation(field: "line", reason: "is not a JSON object") }
        return object.compactMapValues { $0.scalarText.flatMap { $0.isEmpty ? nil : $0 } }
    }
}
