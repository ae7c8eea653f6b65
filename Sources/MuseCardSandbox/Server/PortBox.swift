import Foundation

/// The listening port, handed from the server's start callback to `SandboxServer.start`.
final class PortBox: Sendable {
    private let state = Locked<(port: Int?, waiters: [CheckedContinuation<Int, Never>])>((nil, []))

    func fulfil(_ port: Int) {
        let waiters = state.withLock { state -> [CheckedContinuation<Int, Never>] in
            state.port = port
            defer { state.waiters = [] }
            return state.waiters
        }
        waiters.forEach { $0.resume(returning: port) }
    }

    /// Waits for the port; gives -1 when the server task ends first (e.g. the port is taken).
    func value(failing task: Task<Void, any Error>) async throws -> Int {
        let watcher = Task { [self] in
            _ = try? await task.value
            fulfil(-1)
        }
        defer { watcher.cancel() }
        return await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Int? in
                if let port = state.port { return port }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
