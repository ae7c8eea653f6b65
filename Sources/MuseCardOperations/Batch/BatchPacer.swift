import Foundation

/// How fast a batch may go: an adaptive window of calls in flight (AIMD: a 429 halves it and
/// pauses the whole run for `Retry-After`; a window's worth of successes adds one), a token
/// bucket for `--rate` as a hard ceiling, and a pause after a burst of transport failures.
public actor BatchPacer {
    /// How a call ended, as far as pacing cares.
    public enum Signal: Sendable { case success, transportFailure, neutral }

    /// How far the window may grow when the user set no `--concurrency`: it starts at 4 and grows
    /// only on successes, a 429 halves it. 32 rather than 16: at 16 calls in flight a run waits on
    /// its journal's and audit trail's commits more than on the CPU (batch bench: ~10% faster).
    public static let defaultCeiling = 32

    public nonisolated let maxWindow: Int
    /// Calls per second, never exceeded; nil = no ceiling.
    public nonisolated let rate: Double?
    /// Consecutive transport failures that pause the run.
    public let burst: Int
    /// The current window.
    public private(set) var window: Int
    public private(set) var inFlight = 0
    /// 429s seen, and pauses taken for transport failures.
    public private(set) var rateLimitedCount = 0
    public private(set) var transportPauses = 0
    /// Pauses in a row with no success between: the runner gives up after a few.
    public private(set) var pausesWithoutSuccess = 0
    private var pausedUntil: ContinuousClock.Instant?
    private var tokens = 1.0
    private var refilledAt = ContinuousClock.now
    private var successStreak = 0
    private var transportStreak = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private let notice: @Sendable (String) -> Void

    public init(maxConcurrency: Int, rate: Double?, burst: Int = 8, notice: @escaping @Sendable (String) -> Void = { _ in }) {
        maxWindow = max(1, maxConcurrency)
        self.rate = rate
        self.burst = max(1, burst)
        window = min(4, maxWindow)
        self.notice = notice
    }

    /// Waits until a call may start: not paused, room in the window, a token for the rate.
    public func acquire() async {
        while true {
            let now = ContinuousClock.now
            if let until = pausedUntil, now < until {
                try? await Task.sleep(until: until, clock: .continuous)
                continue
            }
            if inFlight >= window {
                await withCheckedContinuation { waiters.append($0) }
                continue
            }
            if let rate {
                tokens = min(1, tokens + (now - refilledAt).seconds * rate)
                refilledAt = now
                if tokens < 1 {
                    try? await Task.sleep(for: .seconds((1 - tokens) / rate))
                    continue
                }
                tokens -= 1
            }
            inFlight += 1
            return
        }
    }

    /// A call ended.
    public func release(_ signal: Signal) {
        inFlight -= 1
        switch signal {
        case .success:
            transportStreak = 0
            pausesWithoutSuccess = 0
            successStreak += 1
            if successStreak >= window, window < maxWindow {
                window += 1
                successStreak = 0
            }
        case .transportFailure:
            successStreak = 0
            transportStreak += 1
            if transportStreak >= burst { pauseForTransport() }
        case .neutral:
            break
        }
        wake()
    }

    /// The service said 429: halve the window once per pause and hold every call for `retryAfter`.
    public func rateLimited(retryAfter: Duration?) {
        rateLimitedCount += 1
        successStreak = 0
        let now = ContinuousClock.now
        let until = now + max(retryAfter ?? .seconds(1), .milliseconds(50))
        let alreadyPaused = pausedUntil.map { now < $0 } ?? false
        if !alreadyPaused {
            window = max(1, window / 2)
            notice("429 from MusePay: slowing down to \(window) in flight, waiting \(Self.text(until - now))")
        }
        if pausedUntil.map({ until > $0 }) ?? true { pausedUntil = until }
    }

    private func pauseForTransport() {
        transportPauses += 1
        pausesWithoutSuccess += 1
        transportStreak = 0
        window = max(1, window / 2)
        let pause = Duration.seconds(min(30, 1 << min(pausesWithoutSuccess - 1, 5)))
        pausedUntil = ContinuousClock.now + pause
        notice("paused: \(burst) transport failures in a row; trying again in \(Self.text(pause))")
    }

    private func wake() {
        var room = window - inFlight
        while room > 0, !waiters.isEmpty {
            waiters.removeFirst().resume()
            room -= 1
        }
    }

    static func text(_ duration: Duration) -> String {
        String(format: "%.1f s", duration.seconds)
    }
}

extension Duration {
    /// In (fractional) seconds.
    var seconds: Double {
        let (whole, atto) = components
        return Double(whole) + Double(atto) / 1e18
    }
}
