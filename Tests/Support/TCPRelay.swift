import Foundation

/// A loopback TCP relay to a server, on a port of its own, that can be closed and opened again on
/// the same port: a database "going away" and "coming back" without touching the database. Blocking
/// sockets on plain threads (never the cooperative pool).
public final class TCPRelay: @unchecked Sendable {
    /// The relay's own port on 127.0.0.1.
    public let port: Int
    /// Where connections are relayed to.
    public let target: Int
    private let lock = NSLock()
    private var listener: Int32 = -1
    private var connections: Set<Int32> = []

    /// Reserves a free port and starts relaying to `127.0.0.1:target`.
    public init(target: Int) throws {
        self.target = target
        let probe = try Self.bound(port: 0)
        port = Self.localPort(probe)
        close(probe)
        try open()
    }

    deinit { shut() }

    /// Starts accepting again on `port` (after `shut`); idempotent.
    public func open() throws {
        let fd = try Self.bound(port: port)
        guard listen(fd, 64) == 0 else {
            close(fd)
            throw ProcessFailure(description: "listen on \(port): \(String(cString: strerror(errno)))")
        }
        lock.withLock { listener = fd }
        Thread.detachNewThread { [weak self] in self?.accept(on: fd) }
    }

    /// Closes the port and every relayed connection: the server looks gone. Idempotent.
    public func shut() {
        // Under the lock: a pump closes its descriptors only after taking them out of `connections`.
        let fd = lock.withLock { () -> Int32 in
            for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
            defer { listener = -1 }
            return listener
        }
        if fd >= 0 {
            shutdown(fd, Int32(SHUT_RDWR))
            close(fd)
        }
    }

    private func accept(on fd: Int32) {
        while true {
            let client = Glibc.accept(fd, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: target)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            let accepted = lock.withLock { () -> Bool in
                guard listener == fd, connected else { return false }
                connections.formUnion([client, server])
                return true
            }
            guard accepted else {
                close(client)
                close(server)
                continue
            }
            let pair = Pair(client, server)
            Thread.detachNewThread { [weak self] in self?.pump(from: client, to: server, pair: pair) }
            Thread.detachNewThread { [weak self] in self?.pump(from: server, to: client, pair: pair) }
        }
    }

    /// The two descriptors of one relayed connection, closed once both directions have ended.
    private final class Pair: @unchecked Sendable {
        private let lock = NSLock()
        private var ended = 0
        let fds: (Int32, Int32)
        init(_ a: Int32, _ b: Int32) { fds = (a, b) }
        /// True for the second direction to end.
        func end() -> Bool { lock.withLock { ended += 1; return ended == 2 } }
    }

    /// Copies bytes one way until either side ends, then ends both.
    private func pump(from source: Int32, to sink: Int32, pair: Pair) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        outer: while true {
            let count = read(source, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            var sent = 0
            while sent < count {
                let written = buffer[sent..<count].withUnsafeBytes { write(sink, $0.baseAddress, $0.count) }
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { break outer }
                sent += written
            }
        }
        shutdown(source, Int32(SHUT_RDWR))
        shutdown(sink, Int32(SHUT_RDWR))
        guard pair.end() else { return }
        lock.withLock {
            connections.remove(pair.fds.0)
            connections.remove(pair.fds.1)
        }
        close(pair.fds.0)
        close(pair.fds.1)
    }

    private static func bound(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ProcessFailure(description: "socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = loopback(port: port)
        let ok = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard ok else {
            close(fd)
            throw ProcessFailure(description: "bind 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }
        return fd
    }

    private static func localPort(_ fd: Int32) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }
}
