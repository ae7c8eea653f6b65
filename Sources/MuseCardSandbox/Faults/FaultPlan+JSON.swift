import Foundation
import MuseCardKit

/// The JSON of `POST /_sandbox/faults`:
/// `{"latency_ms","jitter_ms","error_rate","rate_limit_rate","retry_after_seconds","drop_rate",
/// "malformed_rate","fault_rate","limit","seed","paths":{"/v1/card/lock":{…same keys…}}}`.
extension FaultPlan {
    /// Reads a plan and an optional new seed; errors name the bad key.
    static func parse(_ json: JSONValue) throws(Rejection) -> (plan: FaultPlan, seed: UInt64?) {
        guard case .object(let members) = json else { throw .invalid("body", "must be a JSON object") }
        var paths: [String: FaultRule] = [:]
        if let value = members["paths"] {
            guard case .object(let entries) = value else { throw .invalid("paths", "must be an object of path → rule") }
            for (path, rule) in entries {
                guard Endpoint.all[path] != nil else { throw .invalid("paths", "names an unknown endpoint \(path.prefix(80))") }
                paths[path] = try FaultRule.parse(rule, prefix: "paths.\(path).")
            }
        }
        var seed: UInt64?
        if let text = members["seed"]?.scalarText {
            guard let value = UInt64(text) else { throw .invalid("seed", "must be a whole number ≥ 0") }
            seed = value
        }
        var limit: Int?
        if let value = members["rate_limit_per_second"], value != .null {
            guard let text = value.scalarText, let number = Int(text), number >= 1 else {
                throw .invalid("rate_limit_per_second", "must be a whole number ≥ 1, or null for no limit")
            }
            limit = number
        }
        return (FaultPlan(global: try FaultRule.parse(json, prefix: ""), paths: paths, rateLimitPerSecond: limit), seed)
    }

    var json: JSONValue {
        var out = global.json.objectValue ?? [:]
        out["paths"] = .object(paths.mapValues(\.json))
        out["rate_limit_per_second"] = rateLimitPerSecond.map { .number(String($0)) } ?? .null
        return .object(out)
    }
}

extension FaultRule {
    static func parse(_ json: JSONValue, prefix: String) throws(Rejection) -> FaultRule {
        guard case .object(let members) = json else { throw .invalid(prefix.isEmpty ? "body" : prefix, "must be an object") }
        func number(_ key: String, range: ClosedRange<Double>) throws(Rejection) -> Double? {
            guard let value = members[key], value != .null else { return nil }
            guard case .number(let text) = value, let number = Double(text), range.contains(number) else {
                throw .invalid(prefix + key, "must be a number from \(range.lowerBound) to \(range.upperBound)")
            }
            return number
        }
        var rule = FaultRule()
        if let mixed = try number("fault_rate", range: 0...1) { rule = .mixed(rate: mixed) }
        rule.latencyMs = Int(try number("latency_ms", range: 0...60_000) ?? 0)
        rule.jitterMs = Int(try number("jitter_ms", range: 0...60_000) ?? 0)
        rule.serverErrorRate = try number("error_rate", range: 0...1) ?? rule.serverErrorRate
        rule.rateLimitRate = try number("rate_limit_rate", range: 0...1) ?? rule.rateLimitRate
        rule.retryAfterSeconds = Int(try number("retry_after_seconds", range: 0...3600) ?? 1)
        rule.dropRate = try number("drop_rate", range: 0...1) ?? rule.dropRate
        rule.malformedRate = try number("malformed_rate", range: 0...1) ?? rule.malformedRate
        rule.limit = try number("limit", range: 0...1e9).map { Int($0) }
        let total = rule.serverErrorRate + rule.rateLimitRate + rule.dropRate + rule.malformedRate
        guard total <= 1 else { throw .invalid(prefix.isEmpty ? "rates" : prefix + "rates", "add up to more than 1") }
        return rule
    }

    var json: JSONValue {
        func text(_ value: Double) -> JSONValue { .number(JSONObjectBuilder.text(of: Decimal(value))) }
        var out: [String: JSONValue] = [
            "latency_ms": .number(String(latencyMs)), "jitter_ms": .number(String(jitterMs)),
            "error_rate": text(serverErrorRate), "rate_limit_rate": text(rateLimitRate),
            "retry_after_seconds": .number(String(retryAfterSeconds)), "drop_rate": text(dropRate),
            "malformed_rate": text(malformedRate),
        ]
        if let limit { out["limit"] = .number(String(limit)) }
        return .object(out)
    }
}
