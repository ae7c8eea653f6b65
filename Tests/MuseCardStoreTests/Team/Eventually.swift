import Foundation

struct TimedOut: Error, CustomStringConvertible {
    var description: String
}

/// The first element of `stream` passing `matches`, or `TimedOut` after `seconds` (generous: the machine may be loaded).
func first<Element: Sendable>(_ stream: AsyncStream<Element>, within seconds: Double = 15, what: String,
                              where matches: @escaping @Sendable (Element) -> Bool) async throws -> Element {
    try await withThrowingTaskGroup(of: Element?.self) { group in
        group.addTask {
            for await element in stream where matches(element) { return element }
            return nil
        }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw TimedOut(description: "no \(what) within \(seconds) s")
        }
        defer { group.cancelAll() }
        guard let found = try await group.next() ?? nil else { throw TimedOut(description: "the stream ended before \(what)") }
        return found
    }
}
