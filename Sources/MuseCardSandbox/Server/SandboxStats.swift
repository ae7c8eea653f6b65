import MuseCardKit

/// Requests and rejections per path and reason, for `GET /_sandbox/stats`.
final class SandboxStats: Sendable {
    private struct PathCounts {
        var requests = 0
        var rejections: [String: Int] = [:]
    }

    private let counts = Locked<[String: PathCounts]>([:])

    func record(path: String, reason: String?) {
        counts.withLock { counts in
            // Unknown paths share one bucket so a scan cannot grow the table without bound.
            let key = Endpoint.all[path] == nil && !path.hasPrefix("/_sandbox") ? "(unknown)" : path
            counts[key, default: PathCounts()].requests += 1
            if let reason { counts[key, default: PathCounts()].rejections[reason, default: 0] += 1 }
        }
    }

    func reset() { counts.withLock { $0 = [:] } }

    var json: JSONValue {
        counts.withLock { counts in
            var paths: [String: JSONValue] = [:]
            var total = 0, rejected = 0
            for (path, entry) in counts {
                total += entry.requests
                rejected += entry.rejections.values.reduce(0, +)
                paths[path] = .object([
                    "requests": .number(String(entry.requests)),
                    "rejections": .object(entry.rejections.mapValues { .number(String($0)) }),
                ])
            }
            return .object(["requests": .number(String(total)), "rejections": .number(String(rejected)), "paths": .object(paths)])
        }
    }
}
