import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator settings that decide the console's resident size over a long day.
///
/// glibc keeps freed pages, and gives each thread that allocates its own arena: after decoding
/// a cardholder with thousands of cards on a reader thread, megabytes stay resident for nothing.
/// Its `malloc_trim` and `mallopt` are not in the Glibc module, so they are looked up once.
public enum ProcessMemory {
    /// Gives freed pages back to the system (after a long list was decoded).
    public static func releaseFreed() {
        #if canImport(Glibc)
        if let trim = functions.trim { _ = trim(0) }
        #endif
    }

    /// Caps the number of malloc arenas (call once, at start, before threads allocate).
    public static func limitArenas(_ count: Int32) {
        #if canImport(Glibc)
        // M_ARENA_MAX in malloc.h.
        if let mallopt = functions.mallopt { _ = mallopt(-8, count) }
        #endif
    }

    #if canImport(Glibc)
    private static let functions = (
        trim: symbol("malloc_trim", as: (@convention(c) (Int) -> Int32).self),
        mallopt: symbol("mallopt", as: (@convention(c) (Int32, Int32) -> Int32).self)
    )

    private static func symbol<F>(_ name: String, as type: F.Type) -> F? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: type) }
    }
    #endif
}
