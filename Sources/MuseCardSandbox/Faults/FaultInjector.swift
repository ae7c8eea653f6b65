/// Rolls the fault dice for each request, in arrival order, from a seeded generator.
final class FaultInjector: Sendable {
    private struct State {
        var plan: FaultPlan
        var random: SeededRandom
        /// Faults injected so far per rule key ("*" for the global rule), for `limit`.
        var used: [String: Int] = [:]
        /// The current one-second window of the rate limit and the requests admitted in it.
        var window: Int64 = 0
        var admitted = 0
    }

    private let state: Locked<State>
    private let origin = ContinuousClock.now

    init(plan: FaultPlan, seed: UInt64) {
        state = Locked(State(plan: plan, random: SeededRandom(seed: seed)))
    }

    var plan: FaultPlan { state.withLock { $0.plan } }

    /// Replaces the plan; a new seed restarts the dice.
    func update(_ plan: FaultPlan, seed: UInt64?) {
        state.withLock {
            $0.plan = plan
            $0.used = [:]
            if let seed { $0.random = SeededRandom(seed: seed) }
        }
    }

    /// The delay and the fault for one request on `path`.
    func decide(path: String) -> (delay: Duration, fault: FaultDecision) {
        state.withLock { state in
            if let limit = state.plan.rateLimitPerSecond {
                let second = (ContinuousClock.now - origin).components.seconds
                if second != state.window { (state.window, state.admitted) = (second, 0) }
                guard state.admitted < limit else { return (.zero, .rateLimited(retryAfter: 1)) }
                state.admitted += 1
            }
            let key = state.plan.paths[path] == nil ? "*" : path
            let rule = state.plan.rule(for: path)
            if rule.isQuiet { return (.zero, .none) }
            var delayMs = rule.latencyMs
            if rule.jitterMs > 0 { delayMs += Int(state.random.unit() * Double(rule.jitterMs + 1)) }
            let roll = state.random.unit()
            if let limit = rule.limit, state.used[key, default: 0] >= limit { return (.milliseconds(delayMs), .none) }
            let kinds: [(Double, FaultDecision)] = [
                (rule.serverErrorRate, .serverError), (rule.rateLimitRate, .rateLimited(retryAfter: rule.retryAfterSeconds)),
                (rule.dropRate, .drop), (rule.malformedRate, .malformed),
            ]
            var edge = 0.0
            var fault = FaultDecision.none
            for (rate, kind) in kinds {
                edge += max(0, rate)
                if roll < edge { fault = kind; break }
            }
            if fault != .none { state.used[key, default: 0] += 1 }
            return (.milliseconds(delayMs), fault)
        }
    }
}
