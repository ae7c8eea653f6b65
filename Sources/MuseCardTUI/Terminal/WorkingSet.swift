import Foundation

/// Start-up runs code it never runs again (dynamic linking, runtime metadata scans, option
/// parsing, opening the stores), and the kernel maps the neighbours of every page it faults in.
/// Once the first frame is up, the clean code pages are unmapped from this process: they stay in
/// the page cache and come back by a minor fault when run again, so the console's resident size
/// is what it works with, not what it started with.
public enum WorkingSet {
    /// Unmaps the process's file-backed code pages that were never written (a written one — a
    /// text relocation, a debugger's breakpoint — would lose its change, so it is kept).
    public static func releaseStartupCode() {
        #if os(Linux)
        guard let smaps = procFile("/proc/self/smaps") else { return }
        for mapping in CodeMapping.parse(smaps) where mapping.isReleasable {
            guard let address = UnsafeMutableRawPointer(bitPattern: mapping.start) else { continue }
            _ = madvise(address, Int(mapping.end - mapping.start), MADV_DONTNEED)
        }
        #endif
    }

    /// The paths of the mappings an smaps text lets go (what `releaseStartupCode` would release).
    public static func releasablePaths(_ smaps: String) -> [String] {
        CodeMapping.parse(smaps).filter(\.isReleasable).map { String($0.path) }
    }

    /// The whole of a `/proc` file: they report no size, so a plain read stops at the first page.
    static func procFile(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One mapping of `/proc/self/smaps`, as much as the decision needs.
    struct CodeMapping: Equatable {
        var start: UInt
        var end: UInt
        var permissions: Substring
        var path: Substring
        /// Pages this process wrote (copied on write, so no longer the file's): `Anonymous` in smaps.
        /// (`Private_Dirty` is not it: a freshly linked binary is dirty in the page cache itself.)
        var writtenKB = 0

        /// Executable, private, backed by a file, and never written.
        var isReleasable: Bool { permissions == "r-xp" && path.hasPrefix("/") && writtenKB == 0 && end > start }

        /// The mappings of an smaps text, with the size of their written pages.
        static func parse(_ smaps: String) -> [CodeMapping] {
            var mappings: [CodeMapping] = []
            for line in smaps.split(separator: "\n") {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                if let first = fields.first, first.contains("-"), fields.count >= 5 {
                    let bounds = first.split(separator: "-")
                    guard bounds.count == 2, let start = UInt(bounds[0], radix: 16), let end = UInt(bounds[1], radix: 16) else { continue }
                    mappings.append(CodeMapping(start: start, end: end, permissions: fields[1], path: fields.count >= 6 ? fields[5] : ""))
                } else if fields.count >= 2, fields[0] == "Anonymous:", !mappings.isEmpty {
                    mappings[mappings.count - 1].writtenKB += Int(fields[1]) ?? 1
                }
            }
            return mappings
        }
    }
}
