import Crypto
import Foundation

/// Reads a file line by line in 64 KiB chunks, hashing every byte on the way.
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var number = 0
    private var atEnd = false
    /// Bytes taken from the file so far (in whole chunks).
    private(set) var bytesRead = 0

    init(path: String) throws {
        handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
    }

    func close() { try? handle.close() }

    /// The next line's number and bytes (without the line break), or nil at the end.
    func next(hashing hasher: inout SHA256) throws -> (Int, ArraySlice<UInt8>)? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = buffer[start..<end]
                start = newline + 1
                number += 1
                return (number, line)
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                number += 1
                return (number, line)
            }
            buffer.removeSubrange(0..<start)
            start = 0
            let chunk = try handle.read(upToCount: 1 << 16) ?? Data()
            if chunk.isEmpty { atEnd = true } else {
                hasher.update(data: chunk)
                bytesRead += chunk.count
                buffer.append(contentsOf: chunk)
            }
        }
    }
}
